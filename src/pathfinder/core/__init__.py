"""What the advice is: questions, answers, the catalog, scoring, what would change it, money and time,
the result and the sentences a person reads. Pure: no terminal, no typer, rich, questionary, jinja2 or openpyxl."""
