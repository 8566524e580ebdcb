/** A fresh id for a private or voting round or a presentation; crypto.randomUUID is withheld on plain-http LAN hosts. */
export const newRoundId = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
