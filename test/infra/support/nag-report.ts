import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ValidationReport {
  pluginReports: { pluginName: string; violations: { ruleName: string }[] }[];
}

/** The findings synth wrote (cdk-nag's, and the app's own warnings as annotations). */
export const readReport = (outdir: string): ValidationReport =>
  JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8'));
