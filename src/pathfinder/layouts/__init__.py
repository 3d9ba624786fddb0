"""Ways to lay out a report or a table: the terminal (the only user of rich), Markdown, text, HTML, CSV, xlsx
and JSON Lines, and the registry that maps each output and format to its writer."""
