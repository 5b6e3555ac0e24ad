"""icor: the platform of the International Coordination of Revolutionary Parties and Organizations."""
