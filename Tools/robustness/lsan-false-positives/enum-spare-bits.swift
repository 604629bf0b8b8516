// LeakSanitizer reports a tree that a global keeps alive until exit as leaked when the tree's
// enum keeps its case in the spare high bits of the box pointers (an all-`indirect` enum):
// LeakSanitizer only follows pointers stored as they are. Run with run.sh.
struct Node {
    #if SEPARATE_TAG
    // The Double leaves no spare bits, so the case goes in a tag byte of its own.
    enum Kind {
        case number(Double)
        indirect case negate(Node)
        indirect case binary(Node, Node)
    }
    #else
    indirect enum Kind {
        case number(Double)
        case negate(Node)
        case binary(Node, Node)
    }
    #endif
    var kind: Kind
}

func build(_ depth: Int) -> Node {
    depth == 0 ? Node(kind: .number(1)) : Node(kind: .binary(build(depth - 1), Node(kind: .negate(build(depth - 1)))))
}

/// Reachable until exit, never freed: not a leak.
let tree = build(3)
print(MemoryLayout<Node.Kind>.size, "bytes per Kind")
