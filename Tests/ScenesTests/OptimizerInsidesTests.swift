import Plotting
import Testing
@testable import Scenes

/// The arrows of `--show`: which vector at which point, and one scale per kind.
@Suite struct OptimizerInsidesTests {
    /// A three-step path whose gradients are a thousand times its steps.
    let path: PlottedPath = {
        var path = PlottedPath(label: "p", points: [[0, 0], [1, 0], [1, 2], [0, 2]])
        path.gradients = [[-1000, 0], [0, -2000], [1000, 0]]
        path.firstMoments = [[-10, 0], [-5, -10], [8, -4]]
        return path
    }()

    @Test func eachKindTakesItsVectorFromThePointItStartsAt() throws {
        let fields = InsideVector.arrows([.step, .gradient, .momentum], along: [path], every: 1, diagonal: 10)
        #expect(fields.map(\.origins) == Array(repeating: [Point(0, 0), Point(1, 0), Point(1, 2)], count: 3))
        #expect(fields[0].vectors == [Point(1, 0), Point(0, 2), Point(-1, 0)], "the step actually taken")
        #expect(fields[1].vectors == [Point(1000, 0), Point(0, 2000), Point(-1000, 0)], "−∇f")
        #expect(fields[2].vectors == [Point(10, 0), Point(5, 10), Point(-8, 4)], "−m, pointing where it moves the point")
    }

    /// Kinds a thousand times apart are each drawn to their own scale, the same length on the
    /// map, and the legend says by how much each is scaled.
    @Test func eachKindHasItsOwnScaleStatedInTheLegend() throws {
        let fields = InsideVector.arrows([.step, .gradient], along: [path], every: 1, diagonal: 10)
        let drawn = fields.map { field in field.vectors.map { ($0.x * $0.x + $0.y * $0.y).squareRoot() * field.scale }.max()! }
        #expect(abs(drawn[0] - drawn[1]) < 1e-9 && abs(drawn[0] - ArrowField.typicalReach * 10) < 1e-9)
        #expect(abs(fields[1].scale * 1000 - fields[0].scale) < 1e-12)
        let legend = Axes(layers: fields.map(Layer.arrows)).legendEntries().map(\.text)
        #expect(legend == ["step Δx, drawn ×\(TickFormat.compact(fields[0].scale))", "−∇f, drawn ×\(TickFormat.compact(fields[1].scale))"])
    }

    @Test func everyKthPointAndNothingWhereTheVectorIsMissing() throws {
        var bare = path
        bare.firstMoments = nil
        let fields = InsideVector.arrows([.step, .momentum], along: [bare], every: 2, diagonal: 10)
        #expect(fields[0].origins == [Point(0, 0), Point(1, 2)])
        #expect(fields[1].origins.isEmpty)
    }
}
