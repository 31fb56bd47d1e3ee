package rgwmon.processors;

/** One line of radosgw-admin text output, with its 1-based number for warnings and errors. */
record TextLine(int number, String text) {
}
