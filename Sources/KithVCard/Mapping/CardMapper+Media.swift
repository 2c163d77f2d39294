import KithModel

extension CardMapper {
    /// Maps `PHOTO`, `LOGO` and `SOUND`: inline base64 (2.1 `ENCODING=BASE64`, 3.0 `ENCODING=b`),
    /// data URIs (Sabre's escaped comma too) and links. `SOUND;X-IRMC-N` is the phonetic name
    /// of Japanese phones (corpus vcard/android-aosp/v21_japanese_1.vcf), not a sound.
    mutating func mapMedia(
        _ role: PropertyKind.MediaRole, _ property: VCardProperty, _ value: Value, _ card: inout CardBuilder
    ) {
        let line = property.line
        let types = property.parameter("TYPE") ?? []
        if role == .sound, types.contains(where: { $0.uppercased() == "X-IRMC-N" }) {
            let parts = components(value, separator: ASCII.semicolon, line: line, &card)
            if let surname = parts.first, !surname.isEmpty { card.phoneticSurname = surname }
            if parts.count > 1, !parts[1].isEmpty { card.phoneticGiven = parts[1] }
            if parts.count > 2, !parts[2].isEmpty { card.phoneticAdditional = parts[2] }
            card.markMapped(property.name)
            return
        }
        let kind: MediaValue.Kind =
            switch role {
            case .photo: .photo
            case .logo: .logo
            case .sound: .sound
            }
        let declaredType =
            property.parameter("MEDIATYPE")?.first?.lowercased()
            ?? types.lazy.compactMap { MediaTypes.fromTypeParameter($0, sound: role == .sound) }.first
        let mediaMeta = meta(property, consumed: Consumed.media)
        var media = MediaValue(kind: kind, meta: mediaMeta)
        media.meta.types.removeAll { MediaTypes.fromTypeParameter($0, sound: role == .sound) != nil }
        if media.meta.label.map({ MediaTypes.fromTypeParameter($0) != nil }) == true { media.meta.label = nil }

        let isBinary = property.encoding == .base64 || property.valueType == "binary"
        let text = isBinary ? "" : string(value, line: line, &card).trimmingBlanks
        if isBinary {
            // A data URI under ENCODING=b (corpus vcard/radicale/contact_photo_with_data_uri.vcf).
            let written = String(decoding: value.written, as: UTF8.self).trimmingBlanks
            if let uri = DataURI(written) {
                guard attachDataURI(uri, to: &media, declaredType: declaredType, property, value, &card) else { return }
            } else {
                guard let data = Base64.decode(value.written) else {
                    return keepInvalidMedia(property, value, &card)
                }
                attach(data, to: &media, declaredType: declaredType)
            }
        } else if let uri = DataURI(text) {
            guard attachDataURI(uri, to: &media, declaredType: declaredType, property, value, &card) else { return }
        } else if text.isEmpty {
            card.markMapped(property.name)
            return
        } else if URIScheme.scheme(of: text) == nil {
            // Not a URI. Base64 written without ENCODING (`VALUE=URI` with raw base64, corpus
            // vcard/thunderbird/v3-uri-binary-jpeg.vcf; a Mac OS X 3.0 `PHOTO:TGFycw==`, corpus
            // vcard/tine20/mac_os_x_addressbook.vcf) is inline data: decoded when it is an image
            // or canonical, so that encoding the bytes gives the text back. Anything else
            // (calcard/062.vcf `PHOTO:val\nue`, a relative `photo.jpg`) is no media a card can
            // point at: kept unmapped as written, as a PHOTO whose base64 is broken is.
            let bytes = Array(text.utf8)
            let decoded = text.containsByte(ASCII.space) ? nil : Base64.decode(bytes)
            guard let data = decoded, Base64.isCanonical(bytes) || MediaTypes.sniff(data) != nil else {
                diagnose(
                    &card, line, .warning, "vcard.media.not-a-uri",
                    "\(property.name) is neither a URI nor base64; kept unmapped as written")
                card.keepUnmapped(rawProperty(property, value, &card))
                return
            }
            diagnose(
                &card, line, .info, "vcard.media.base64-without-encoding",
                "\(property.name) holds base64 without ENCODING; decoded")
            attach(data, to: &media, declaredType: declaredType)
        } else {
            media.uri = text
            media.mediaType = declaredType
        }
        card.contact.media.append(media)
        card.remember(property.group, .media(card.contact.media.count - 1))
        card.markMapped(property.name)
    }

    private func attach(_ data: [UInt8], to media: inout MediaValue, declaredType: String?) {
        media.data = data
        media.sha256 = ContentHash.sha256Hex(data)
        media.mediaType = MediaTypes.sniff(data) ?? declaredType
    }

    /// Attaches a data URI's payload; returns false when it was kept unmapped instead.
    private mutating func attachDataURI(
        _ uri: DataURI, to media: inout MediaValue, declaredType: String?, _ property: VCardProperty, _ value: Value,
        _ card: inout CardBuilder
    ) -> Bool {
        guard uri.isBase64 else {
            media.uri = String(decoding: value.bytes, as: UTF8.self)
            media.mediaType = uri.mediaType ?? declaredType
            return true
        }
        var payload = Array(uri.payload.utf8)
        guard let data = payload.withUnsafeMutableBufferPointer({ Base64.decode(UnsafeBufferPointer($0)) }) else {
            keepInvalidMedia(property, value, &card)
            return false
        }
        payload.removeAll()
        attach(data, to: &media, declaredType: uri.mediaType ?? declaredType)
        if media.mediaType == nil { media.mediaType = uri.mediaType ?? declaredType }
        return true
    }

    /// Keeps media whose base64 does not decode as written, unmapped, with a diagnostic.
    private mutating func keepInvalidMedia(_ property: VCardProperty, _ value: Value, _ card: inout CardBuilder) {
        diagnose(
            &card, property.line, .warning, "vcard.media.invalid-base64",
            "\(property.name) is not valid base64; kept unmapped as written")
        let raw = RawProperty(
            name: property.name, group: property.group, parameters: property.parameters,
            valueType: property.valueType ?? "binary", value: String(decoding: value.written, as: UTF8.self),
            line: property.line)
        card.keepUnmapped(raw)
    }
}
