/// The nearest of `candidates` to a misspelt `name`, for "did you mean" hints.
///
/// Distance is the optimal-string-alignment edit distance (insertions, deletions,
/// substitutions and swaps of neighbours, each costing 1), compared case-insensitively.
/// A candidate is suggested only when it is close: none for one-letter names, 1 edit up to 3
/// characters, at most 2 up to 6, else at most a third of the name's length. Ties go to the
/// earlier candidate.
func nearestName(to name: String, among candidates: some Sequence<String>) -> String? {
    let target = Array(name.lowercased())
    let limit = target.count <= 1 ? 0 : target.count <= 3 ? 1 : target.count <= 6 ? 2 : target.count / 3
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(target, Array(candidate.lowercased()))
        if distance <= limit, distance < (best?.distance ?? .max) {
            best = (candidate, distance)
        }
    }
    return best?.name
}

/// ` (did you mean 'sin'?)`, or the empty string when nothing is close.
func didYouMean(_ name: String, among candidates: some Sequence<String>) -> String {
    nearestName(to: name, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
}

/// Optimal-string-alignment distance between two character arrays.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in stride(from: 1, through: a.count, by: 1) {
        for j in stride(from: 1, through: b.count, by: 1) {
            let substitution = d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, substitution)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
            }
        }
    }
    return d[a.count][b.count]
}
