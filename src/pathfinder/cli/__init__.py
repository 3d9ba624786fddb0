"""The command line: the Typer app (`app`), its help (`help`), the prompts (`prompts`, the only user of questionary)
and the process plumbing. The entry point is `pathfinder.cli.app:main`."""
