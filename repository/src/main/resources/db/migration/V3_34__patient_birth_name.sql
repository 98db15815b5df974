-- Issue 20, TD0.5 (PDQv3 search of a patient without INS): the patient's birth name (nom de naissance,
-- HL7 family qualifier BR) when it differs from the used family name. The official TD0.5 example finds
-- Mme IRENE ENCHAINE by her birth name DECHAINE ("DMP_LPS_Exemple de messages" v02.05.00). Null: the
-- birth name is the family name, or unknown.
ALTER TABLE patient_record ADD COLUMN birth_name VARCHAR(200);
