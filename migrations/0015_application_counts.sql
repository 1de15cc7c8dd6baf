-- Reserved for maintained application counts (issue 6); filled in by its own commit.
SELECT 1;
