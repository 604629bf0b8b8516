import Testing
@testable import Objectives

@Suite struct NameSuggestionTests {
    @Test func editDistanceCountsSwapsAsOneEdit() {
        #expect(editDistance(Array("sin"), Array("sin")) == 0)
        #expect(editDistance(Array("sinn"), Array("sin")) == 1)
        #expect(editDistance(Array("cso"), Array("cos")) == 1)
        #expect(editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(editDistance(Array(""), Array("abc")) == 3)
    }

    @Test func suggestsOnlyCloseNames() {
        let names = ["rosenbrock", "rastrigin", "rosenbrock-n", "himmelblau"]
        #expect(nearestName(to: "rosenbrok", among: names) == "rosenbrock")
        #expect(nearestName(to: "Rastrigin", among: names) == "rastrigin")
        #expect(nearestName(to: "rosenbrock-m", among: names) == "rosenbrock-n")
        #expect(nearestName(to: "banana", among: names) == nil)
        #expect(nearestName(to: "z", among: ["x", "y"]) == nil)
        #expect(didYouMean("tanhh", among: ["tan", "tanh"]) == " (did you mean 'tanh'?)")
    }
}
