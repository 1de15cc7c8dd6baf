-- Reserved for the person search rework (issue 6); filled in by its own commit.
SELECT 1;
