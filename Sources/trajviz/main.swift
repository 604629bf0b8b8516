import TrajVizCLI

TrajVizCommand.main()
