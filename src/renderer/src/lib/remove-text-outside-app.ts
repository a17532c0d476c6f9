/**
 * The chart library measures each label in a hidden span it appends to <body>, outside the React
 * root, and leaves the last label there ("IV ketamine", a payer's name). Unmounting the app does
 * not remove it, so locking does (docs/security.md §1: nothing of a locked session stays on the page).
 */
const chartMeasurementSpanId = 'recharts_measurement_span';

export function removeTextOutsideApp(): void {
  document.getElementById(chartMeasurementSpanId)?.remove();
}
