package io.gridkeeper.cli;

/**
 * One finding of {@code doctor}: how bad, which check, what was seen (with the observed values in brackets), what it
 * means and what to do.
 *
 * @param severity how bad
 * @param check the check's stable kebab-case name (documented in the runbook, docs/cli.md)
 * @param summary what was seen
 * @param meaning what it means for the cluster
 * @param fix what to do
 */
record Finding(Severity severity, String check, String summary, String meaning, String fix) {

    /** How bad a finding is; the doctor's exit code follows the worst one. */
    enum Severity {
        /** For information; the cluster is healthy. */
        INFO,
        /** Needs attention; the cluster works but is at risk or degraded. */
        WARNING,
        /** Data or availability at risk now, or the doctor could not look. */
        CRITICAL
    }

    static Finding info(String check, String summary, String meaning, String fix) {
        return new Finding(Severity.INFO, check, summary, meaning, fix);
    }

    static Finding warning(String check, String summary, String meaning, String fix) {
        return new Finding(Severity.WARNING, check, summary, meaning, fix);
    }

    static Finding critical(String check, String summary, String meaning, String fix) {
        return new Finding(Severity.CRITICAL, check, summary, meaning, fix);
    }
}
