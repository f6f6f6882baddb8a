import { useState } from "react";
import { ArticleDetail } from "./components/ArticleDetail";
import { ArticleSearch } from "./components/ArticleSearch";

/** Search on the left, the opened article on the right. */
export function App() {
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <main className="layout">
      <header>
        <h1>Newsroom</h1>
        <p>
          Articles, the officials in them, the initiatives they champion and what their meetings agreed — from one federated API.
        </p>
      </header>
      <ArticleSearch onOpen={setOpenId} openId={openId} />
      {openId ? (
        <ArticleDetail id={openId} />
      ) : (
        <section className="detail empty">Open an article to see who and what it is about.</section>
      )}
    </main>
  );
}
