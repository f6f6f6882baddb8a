import { registerEnumType } from "type-graphql";

/**
 * The policy theme vocabulary, owned by this subgraph. The articles subgraph declares the same enum by value;
 * composition refuses the supergraph if the two copies ever differ.
 */
export enum PolicyTheme {
  CYBERSECURITY = "CYBERSECURITY",
  DIGITAL_ECONOMY = "DIGITAL_ECONOMY",
  TECHNOLOGY_TRANSFER = "TECHNOLOGY_TRANSFER",
  INVESTMENT = "INVESTMENT",
  TELECOMMUNICATIONS_5G = "TELECOMMUNICATIONS_5G",
  DATA_CENTRES = "DATA_CENTRES",
  SUBMARINE_CABLES = "SUBMARINE_CABLES",
  CLOUD_COMPUTING = "CLOUD_COMPUTING",
  ARTIFICIAL_INTELLIGENCE = "ARTIFICIAL_INTELLIGENCE",
  INTERNET_OF_THINGS = "INTERNET_OF_THINGS",
  SUPPLY_CHAIN = "SUPPLY_CHAIN",
  SEMICONDUCTORS = "SEMICONDUCTORS",
  TRADE = "TRADE",
  OTHER = "OTHER",
}

registerEnumType(PolicyTheme, {
  name: "PolicyTheme",
  description: "A policy area that articles, initiatives, events and outcomes are about.",
  valuesConfig: {
    CYBERSECURITY: { description: "Cybersecurity and the protection of networks and data." },
    DIGITAL_ECONOMY: { description: "The digital economy: e-commerce, digital services, digital transformation." },
    TECHNOLOGY_TRANSFER: { description: "Transfer of technology and know-how between countries or companies." },
    INVESTMENT: { description: "Foreign and domestic investment, investment promotion." },
    TELECOMMUNICATIONS_5G: { description: "Telecommunications networks, in particular 5G roll-out." },
    DATA_CENTRES: { description: "Data centres and their siting." },
    SUBMARINE_CABLES: { description: "Submarine communications cables and landing stations." },
    CLOUD_COMPUTING: { description: "Cloud computing services and infrastructure." },
    ARTIFICIAL_INTELLIGENCE: { description: "Artificial intelligence (AI)." },
    INTERNET_OF_THINGS: { description: "The Internet of Things (IoT)." },
    SUPPLY_CHAIN: { description: "Supply chains and their resilience." },
    SEMICONDUCTORS: { description: "Semiconductors and chip manufacturing." },
    TRADE: { description: "Trade agreements and trade relations." },
    OTHER: { description: "Any other policy area." },
  },
});
