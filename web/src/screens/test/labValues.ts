/** Reference ranges of common laboratory values (adult, conventional and SI units), as exam interfaces provide them. */
export const LAB_VALUES: { group: string; rows: [string, string, string][] }[] = [
  {
    group: 'Serum',
    rows: [
      ['Sodium', '136–146 mEq/L', '136–146 mmol/L'],
      ['Potassium', '3.5–5.0 mEq/L', '3.5–5.0 mmol/L'],
      ['Chloride', '95–105 mEq/L', '95–105 mmol/L'],
      ['Bicarbonate', '22–28 mEq/L', '22–28 mmol/L'],
      ['Urea nitrogen', '7–18 mg/dL', '2.5–6.4 mmol/L'],
      ['Creatinine', '0.6–1.2 mg/dL', '53–106 µmol/L'],
      ['Glucose, fasting', '70–100 mg/dL', '3.8–5.6 mmol/L'],
      ['Calcium', '8.4–10.2 mg/dL', '2.1–2.6 mmol/L'],
      ['Albumin', '3.5–5.5 g/dL', '35–55 g/L'],
      ['Bilirubin, total', '0.1–1.0 mg/dL', '2–17 µmol/L'],
      ['AST', '12–38 U/L', '12–38 U/L'],
      ['ALT', '10–40 U/L', '10–40 U/L'],
      ['Troponin I', '≤ 0.04 ng/mL', '≤ 0.04 µg/L'],
    ],
  },
  {
    group: 'Blood',
    rows: [
      ['Hemoglobin, male', '13.5–17.5 g/dL', '135–175 g/L'],
      ['Hemoglobin, female', '12.0–16.0 g/dL', '120–160 g/L'],
      ['Leukocytes', '4,500–11,000/mm³', '4.5–11.0 × 10⁹/L'],
      ['Platelets', '150,000–400,000/mm³', '150–400 × 10⁹/L'],
      ['MCV', '80–100 µm³', '80–100 fL'],
    ],
  },
  {
    group: 'Arterial blood gas (room air)',
    rows: [
      ['pH', '7.35–7.45', '[H⁺] 36–44 nmol/L'],
      ['PCO₂', '33–45 mm Hg', '4.4–5.9 kPa'],
      ['PO₂', '75–105 mm Hg', '10.0–14.0 kPa'],
    ],
  },
];
