import Diagnostics
import Foundation
import GDRenderer
import HTTPTypes
import Hummingbird
import Plotting
import Scenes
import UseCases

/// `trajviz serve`: the explorer page and the endpoints it draws from, over the same requests
/// and limits-checked validation as the command line (`RequestLimits.server`: no files).
///
/// `GET /` the page; `GET /map.png`, `/curves.png`, `/trajectory.json`; for a DiffGrad-family
/// optimizer `GET /overlap.png`, `/friction.png` and `/verdict.json`. Query parameters are the
/// command line's flag names. A bad request is answered 400 with the command line's one-line
/// `error: ` message; a server too busy to start a render within ten seconds answers 503.
public struct ExplorerServer: Sendable {
    public var host: String
    public var port: Int
    let gate: RenderGate

    /// The server on `host`:`port` (default 127.0.0.1:8080).
    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
        gate = RenderGate()
    }

    /// The PNG compression of served images: zlib level 1, the fastest that still compresses.
    static let compression = 1

    /// Serves until interrupted.
    public func run() async throws {
        let app = Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "trajviz"))
        try await app.runService()
    }

    /// The routes.
    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: ExplorerPage.html)))
        }
        router.get("/favicon.ico") { _, _ in Response(status: .noContent) }
        router.get("/catalog.json") { _, _ in
            Answer(body: ExplorerCatalog.json, contentType: "application/json").response
        }
        router.get("/map.png") { request, _ in
            await answer(request, accepted: ExplorerQuery.mapParameters) { query in
                let outcome = try query.map.figure(limits: .server)
                return .png(try FigureRenderer.png(outcome.value, compression: Self.compression), warnings: outcome.warnings,
                    headers: [MapFrame.header: MapFrame(outcome.value)?.headerValue ?? ""])
            }
        }
        router.get("/curves.png") { request, _ in
            await answer(request, accepted: ExplorerQuery.curvesParameters) { query in
                let outcome = try query.curves.figure(limits: .server)
                return .png(try FigureRenderer.png(outcome.value, compression: Self.compression), warnings: outcome.warnings)
            }
        }
        router.get("/trajectory.json") { request, _ in
            await answer(request, accepted: ExplorerQuery.trajectoryParameters) { query in
                let outcome = try query.trajectory.trajectories(limits: .server)
                var data = Data("[".utf8)
                for (index, run) in outcome.value.enumerated() {
                    if index > 0 { data.append(Data(",".utf8)) }
                    data.append(try run.jsonData(prettyPrinted: false))
                }
                data.append(Data("]\n".utf8))
                return Answer(body: data, contentType: "application/json", warnings: outcome.warnings)
            }
        }
        for (path, kind) in [("/overlap.png", DiagnosisImage.overlap), ("/friction.png", .friction), ("/verdict.json", .verdict)] {
            router.get(RouterPath(path)) { request, _ in
                await answer(request, accepted: ExplorerQuery.runParameters) { query in
                    let run = try query.run
                    let outcome = try query.diagnosis.diagnosis(limits: .server)
                    return try kind.answer(outcome.value, zeroGrad: run.zeroGrad, warnings: outcome.warnings)
                }
            }
        }
        return router
    }

    /// Parses the query, runs `make` through the gate, and answers: 400 with the one-line
    /// message for a bad request, 503 when busy, 500 for a failure of the work itself.
    private func answer(
        _ request: Request, accepted: Set<String>, _ make: @escaping @Sendable (ExplorerQuery) throws -> Answer
    ) async -> Response {
        do {
            let query = try ExplorerQuery(ExplorerQuery.pairs(request.uri.query ?? ""), accepted: accepted)
            return try await gate.run { try make(query) }.response
        } catch let error as RequestError {
            return Answer.text("error: \(error.description)\n", status: .badRequest)
        } catch is RenderGate.Busy {
            return Answer.text("error: the server is busy; try again in a moment\n", status: .serviceUnavailable)
        } catch {
            return Answer.text("error: \(error)\n", status: .internalServerError)
        }
    }
}

/// A successful answer: its bytes, type, extra headers and the request's warnings.
struct Answer: Sendable {
    var body: Data
    var contentType: String
    var warnings: [String] = []
    var headers: [HTTPField.Name: String] = [:]

    static func png(_ data: Data, warnings: [String], headers: [HTTPField.Name: String] = [:]) -> Answer {
        Answer(body: data, contentType: "image/png", warnings: warnings, headers: headers)
    }

    var response: Response {
        var fields: HTTPFields = [.contentType: contentType, .cacheControl: "no-store"]
        for (name, value) in headers where !value.isEmpty { fields[name] = value }
        // Header values are one line of ASCII: warnings are joined and anything else escaped.
        if !warnings.isEmpty {
            fields[.trajvizWarning] = warnings.joined(separator: " | ").unicodeScalars
                .map { $0.isASCII && $0.value >= 32 ? String($0) : "?" }.joined()
        }
        return Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func text(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

extension HTTPField.Name {
    /// The request's warnings, one line, separated by " | ".
    static let trajvizWarning = HTTPField.Name("X-TrajViz-Warning")!
}
