/**
 * A 5,000-row CSV as another system exports it: one client per row, with coverage and a case.
 * Every row is valid, so the figure measures the import itself, not the refusal of a bad row.
 */
const payers = ['Aetna', 'Cigna', 'UnitedHealthcare', 'Anthem Blue Cross', 'Kaiser Permanente'];
const planTypes = [
  'Employer (self-funded)',
  'Individual marketplace',
  'Medicare Advantage',
  'Medicaid managed care',
];
const treatments = ['IV ketamine', 'Spravato', 'TMS'];
const states = ['CA', 'NY', 'TX', 'FL', 'IL', 'WA', 'MA', 'OH'];
const given = ['Maria', 'José', 'Aiyana', 'Wei', 'Fatima', 'Olusegun', 'Siobhan', 'Dmitri', 'Ngozi', 'Hana'];
const family = [
  'López',
  'Nguyen',
  'Okafor',
  'Smith',
  'Müller',
  '王',
  'Kowalski',
  'Haddad',
  'Johnson',
  'Silva',
];

export function importCsv(rows: number): string {
  const lines = ['Patient Name,DOB,State,Phone,Insurance,Plan Type,Member ID,Treatment,Status,Notes'];
  for (let index = 0; index < rows; index += 1) {
    const name = `${given[index % given.length]} ${family[Math.floor(index / given.length) % family.length]} ${index}`;
    const month = (index % 12) + 1;
    const day = (index % 28) + 1;
    const year = 1950 + (index % 50);
    const phone = `(555) ${String(100 + (index % 900)).padStart(3, '0')}-${String(index % 10000).padStart(4, '0')}`;
    lines.push(
      [
        `"${name}"`,
        `${month}/${day}/${year}`,
        states[index % states.length],
        phone,
        payers[index % payers.length],
        planTypes[index % planTypes.length],
        `M${String(100000000 + index)}`,
        treatments[index % treatments.length],
        'Intake',
        `"Referred by Dr. ${family[index % family.length]}, ""urgent""\nCall after 5pm"`,
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
