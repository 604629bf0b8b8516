import Foundation
import TrajVizCLI

TrajVizCommand.runAsMain()
