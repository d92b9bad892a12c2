-- A Stride database of schema version 1 (patients, visits, answers), for the
-- migration test. 'STRD' = 1398035012.
PRAGMA application_id = 1398035012;
CREATE TABLE patients (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  birth_date TEXT,
  sex TEXT,
  contact TEXT,
  notes TEXT,
  created TEXT NOT NULL,
  updated TEXT NOT NULL
);
CREATE TABLE visits (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
  date TEXT,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  clinician TEXT,
  notes TEXT,
  created TEXT NOT NULL,
  updated TEXT NOT NULL
);
CREATE TABLE answers (
  visit_id INTEGER NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
  item TEXT NOT NULL,
  side TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (visit_id, item, side)
) WITHOUT ROWID;

INSERT INTO patients VALUES
  (1, 'Jürgen Müller', '1980-05-17', 'male', 'j.mueller@example.org', NULL,
   '2025-01-10T09:00:00Z', '2025-01-10T09:00:00Z'),
  (2, 'Jeanne Dupont', NULL, 'female', NULL, 'Trail runner',
   '2025-02-01T10:00:00Z', '2025-02-03T10:00:00Z'),
  (3, 'Sven Ødegaard', '1992-12-01', NULL, NULL, NULL,
   '2025-03-01T11:00:00Z', '2025-03-01T11:00:00Z');
INSERT INTO visits VALUES
  (1, 1, '2025-01-10', 'initial', 'final', 'K. Berg', NULL,
   '2025-01-10T09:05:00Z', '2025-01-10T09:50:00Z'),
  (2, 1, '2025-01-24', 'follow-up', 'draft', 'K. Berg', 'half done',
   '2025-01-24T09:05:00Z', '2025-01-24T09:20:00Z');
INSERT INTO answers VALUES
  (1, 'pain.worst', '', '6'),
  (1, 'test.sls', 'left', '12'),
  (1, 'test.sls', 'right', '20'),
  (2, 'pain.worst', '', '4');
PRAGMA user_version = 1;
