-- Reserved; hand-written until the Drizzle snapshot is resynced. Statements separated by the breakpoint marker.
SELECT 1;
