-- Reserved for follow-up schema work that turned out unnecessary; kept (a no-op) so the journal stays append-only.
SELECT 1;
