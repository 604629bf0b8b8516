import Foundation

/// Writes all of `bytes` to `descriptor` (at `offset` with pwrite, else at its position),
/// retrying short and interrupted writes; false on an error, with `errno` set.
func writeFully(_ descriptor: Int32, _ bytes: [UInt8], at offset: Int? = nil) -> Bool {
    bytes.withUnsafeBytes { bytes in
        var done = 0
        while done < bytes.count {
            let pointer = bytes.baseAddress! + done
            let written = offset.map { pwrite(descriptor, pointer, bytes.count - done, off_t($0 + done)) }
                ?? write(descriptor, pointer, bytes.count - done)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            done += written
        }
        return true
    }
}
