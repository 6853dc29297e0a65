"""python -m brightline."""

from .cli import main

main()
