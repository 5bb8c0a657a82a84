export interface BenchSection {
  title: string;
  rows: { label: string; value: string }[];
}
