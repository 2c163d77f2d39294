import Foundation

extension KithError {
    /// A short reason for a system or Foundation error, for ``cause``: the system's message
    /// (`File exists`) where the error is, or wraps, a POSIX error; else what it says of itself
    /// (`Invalid value around character 1.`); never a dump of its domain and user info.
    public static func cause(of error: any Error) -> String {
        if let error = error as? KithError { return error.cause ?? error.message }
        let system = error as NSError
        if system.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(system.code))) }
        if let underlying = system.userInfo[NSUnderlyingErrorKey] as? any Error {
            let wrapped = underlying as NSError
            if wrapped.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(wrapped.code))) }
        }
        if let debug = system.userInfo[NSDebugDescriptionErrorKey] as? String, !debug.isEmpty { return debug }
        return system.localizedDescription
    }
}
