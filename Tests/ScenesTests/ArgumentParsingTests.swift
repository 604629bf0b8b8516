import Foundation
import Plotting
import Testing
@testable import Scenes

    }
}
