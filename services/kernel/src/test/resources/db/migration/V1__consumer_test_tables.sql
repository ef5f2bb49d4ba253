-- The kernel tests' consumer of another service's topic keeps its effect here: notes taken, per subject.
CREATE TABLE test_note_counts (
    subject TEXT    PRIMARY KEY,
    notes   INTEGER NOT NULL
);
