"""Where state lives across nodes: file storage (folders or S3), cache back-ends, locks, backup, safe exports."""
