import { registerEnumType } from "type-graphql";

export enum InitiativeStatus {
  PROPOSED = "PROPOSED",
  ANNOUNCED = "ANNOUNCED",
  ACTIVE = "ACTIVE",
  COMPLETED = "COMPLETED",
  SUSPENDED = "SUSPENDED",
}

registerEnumType(InitiativeStatus, {
  name: "InitiativeStatus",
  description: "Where a policy initiative stands.",
  valuesConfig: {
    PROPOSED: { description: "Proposed or under discussion, not yet adopted." },
    ANNOUNCED: { description: "Adopted and announced, not yet under way." },
    ACTIVE: { description: "Under way." },
    COMPLETED: { description: "Finished." },
    SUSPENDED: { description: "Halted or put on hold." },
  },
});

export enum EventKind {
  MEETING = "MEETING",
  VISIT = "VISIT",
  ANNOUNCEMENT = "ANNOUNCEMENT",
  LAUNCH = "LAUNCH",
  SIGNING = "SIGNING",
}

registerEnumType(EventKind, {
  name: "EventKind",
  description: "What kind of policy event this is.",
  valuesConfig: {
    MEETING: { description: "A meeting or talks between officials." },
    VISIT: { description: "A trip; its meetings are its children." },
    ANNOUNCEMENT: { description: "A public announcement of a policy or decision." },
    LAUNCH: { description: "The launch of an initiative, programme or service." },
    SIGNING: { description: "The signing of an agreement, memorandum or treaty." },
  },
});

export enum OutcomeStatus {
  AGREED_IN_PRINCIPLE = "AGREED_IN_PRINCIPLE",
  FOLLOW_UP = "FOLLOW_UP",
  SIGNED = "SIGNED",
  IMPLEMENTED = "IMPLEMENTED",
}

registerEnumType(OutcomeStatus, {
  name: "OutcomeStatus",
  description: "How binding an outcome is. An agreement 'to enhance cooperation' is AGREED_IN_PRINCIPLE, not SIGNED.",
  valuesConfig: {
    AGREED_IN_PRINCIPLE: { description: "Agreed in principle, e.g. to enhance cooperation; nothing signed." },
    FOLLOW_UP: { description: "Matters the parties agreed to follow up on." },
    SIGNED: { description: "A signed agreement, memorandum or treaty." },
    IMPLEMENTED: { description: "Put into effect." },
  },
});
