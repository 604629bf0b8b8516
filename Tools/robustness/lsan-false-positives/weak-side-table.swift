// LeakSanitizer reports the side table of an object that a global keeps alive until exit, once
// a weak reference to it has existed: the runtime keeps the side table's address shifted, with
// flag bits, in the object's refcount word, which LeakSanitizer cannot follow. Foundation's
// Process.run forms such a weak reference. Run with run.sh.
final class Held {}
final class Observer { weak var target: Held? }

/// Reachable until exit, never freed: not a leak.
let held = Held()

@inline(never) func observeBriefly() {
    let observer = Observer()
    observer.target = held
    print(observer.target === held ? "observed" : "gone")
}
observeBriefly()
