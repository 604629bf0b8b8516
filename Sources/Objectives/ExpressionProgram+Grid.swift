extension ExpressionProgram {
    /// f on the grid `xs` × `ys`, row-major with one row per y.
    ///
    /// Each instruction runs as a loop over many points, so dispatch is paid once per row.
    /// Subexpressions of x alone are computed once for all columns, those of y alone once per
    /// row, and only the ones that mix x and y run over every grid point (in Rastrigin, for
    /// example, the cosines cost W + H calls instead of 2·W·H).
    func values(onGridX xs: [Double], y ys: [Double]) -> [Double] {
        let width = xs.count, height = ys.count
        guard width > 0, height > 0 else { return [] }
        let registerCount = self.registerCount
        // Register storage: x-only registers hold a row of W values, y-only (and constant)
        // registers a column of H values, mixed registers a row buffer of W reused per row.
        var offsets = [Int](repeating: 0, count: registerCount)
        var total = 0
        for register in 0..<registerCount {
            offsets[register] = total
            total += dependence[register] == 1 || dependence[register] == 3 ? width : height
        }
        let storage = UnsafeMutablePointer<Double>.allocate(capacity: total)
        defer { storage.deallocate() }
        xs.withUnsafeBufferPointer { storage.update(from: $0.baseAddress!, count: width) }
        ys.withUnsafeBufferPointer { (storage + offsets[1]).update(from: $0.baseAddress!, count: height) }

        var output = [Double](repeating: 0, count: width * height)
        instructions.withUnsafeBufferPointer { code in
            // Pass 1: the registers that depend on x alone or y alone (or neither).
            for (index, instruction) in code.enumerated() {
                let register = Self.inputCount + index
                let kind = dependence[register]
                guard kind != 3 else { continue }
                let count = kind == 1 ? width : height
                Self.run(
                    instruction, count: count,
                    a: storage + offsets[Int(instruction.a)], strideA: 1,
                    b: storage + offsets[Int(instruction.b)], strideB: 1,
                    into: storage + offsets[register])
            }
            // Pass 2: row by row, the registers that mix x and y.
            output.withUnsafeMutableBufferPointer { out in
                let resultKind = dependence[Int(result)]
                for row in 0..<height {
                    let destination = out.baseAddress! + row * width
                    func operand(_ register: Int32) -> (UnsafeMutablePointer<Double>, Int) {
                        let kind = dependence[Int(register)]
                        if kind == 1 || kind == 3 {
                            return (register == result ? destination : storage + offsets[Int(register)], 1)
                        }
                        return (storage + offsets[Int(register)] + row, 0)
                    }
                    for (index, instruction) in code.enumerated() where dependence[Self.inputCount + index] == 3 {
                        let register = Int32(Self.inputCount + index)
                        let (a, strideA) = operand(instruction.a)
                        let (b, strideB) = operand(instruction.b)
                        let target = register == result ? destination : storage + offsets[Int(register)]
                        Self.run(instruction, count: width, a: a, strideA: strideA, b: b, strideB: strideB, into: target)
                    }
                    switch resultKind {
                    case 3: break
                    case 1: destination.update(from: storage + offsets[Int(result)], count: width)
                    default: destination.update(repeating: storage[offsets[Int(result)] + row], count: width)
                    }
                }
            }
        }
        return output
    }

    /// One instruction over `count` points; an operand stride of 0 broadcasts one value.
    @inline(__always)
    private static func run(
        _ instruction: Instruction, count: Int,
        a: UnsafePointer<Double>, strideA: Int,
        b: UnsafePointer<Double>, strideB: Int,
        into out: UnsafeMutablePointer<Double>
    ) {
        let c = instruction.constant
        switch instruction.opcode {
        case .add: for i in 0..<count { out[i] = a[i * strideA] + b[i * strideB] }
        case .subtract: for i in 0..<count { out[i] = a[i * strideA] - b[i * strideB] }
        case .multiply: for i in 0..<count { out[i] = a[i * strideA] * b[i * strideB] }
        case .addConstant: for i in 0..<count { out[i] = a[i * strideA] + c }
        case .multiplyConstant: for i in 0..<count { out[i] = a[i * strideA] * c }
        case .subtractFromConstant: for i in 0..<count { out[i] = c - a[i * strideA] }
        case .square: for i in 0..<count { out[i] = a[i * strideA] * a[i * strideA] }
        case let opcode:
            for i in 0..<count { out[i] = apply(opcode, a[i * strideA], b[i * strideB], c) }
        }
    }
}
