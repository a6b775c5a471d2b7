from pitlint.cli import main

main()
