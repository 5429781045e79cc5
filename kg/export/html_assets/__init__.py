"""Static files of the interactive HTML graph page (template, stylesheet, script)."""
