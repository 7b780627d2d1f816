import Foundation

/// The structured data of a file page (reference: commons.md §4), as the `data` argument of
/// `action=wbeditentity` on `M<pageid>`: captions and statements that agree with the wikitext.
public struct StructuredData: Sendable, Equatable, Codable {
    public struct Label: Sendable, Equatable, Codable {
        public var language: String
        public var value: String

        public init(language: String, value: String) {
            self.language = language
            self.value = value
        }
    }

    public struct Snak: Sendable, Equatable, Codable {
        public var snaktype: String
        public var property: String
        public var datavalue: DataValue?

        public init(snaktype: String, property: String, datavalue: DataValue?) {
            (self.snaktype, self.property, self.datavalue) = (snaktype, property, datavalue)
        }
    }

    public struct Statement: Sendable, Equatable, Codable {
        public var mainsnak: Snak
        public var type = "statement"
        public var rank = "normal"
        public var qualifiers: [String: [Snak]]?
        public var qualifiersOrder: [String]?

        public init(mainsnak: Snak, qualifiers: [String: [Snak]]? = nil, qualifiersOrder: [String]? = nil) {
            (self.mainsnak, self.qualifiers, self.qualifiersOrder) = (mainsnak, qualifiers, qualifiersOrder)
        }

        enum CodingKeys: String, CodingKey {
            case mainsnak, type, rank, qualifiers
            case qualifiersOrder = "qualifiers-order"
        }
    }

    /// Wikibase data values in their API form: `{"value": …, "type": …}`.
    public enum DataValue: Sendable, Equatable, Codable {
        case item(String)
        case string(String)
        /// A day: `+YYYY-MM-DDT00:00:00Z`, Gregorian, precision 11.
        case day(String)
        /// `precision` in degrees (1e-6 for a camera's fix).
        case coordinate(latitude: Double, longitude: Double, precision: Double)
        case degrees(Double)

        enum Keys: String, CodingKey { case value, type }
        enum ItemKeys: String, CodingKey { case entityType = "entity-type", numericID = "numeric-id", id }
        enum TimeKeys: String, CodingKey { case time, timezone, before, after, precision, calendarmodel }
        enum GlobeKeys: String, CodingKey { case latitude, longitude, altitude, precision, globe }
        enum QuantityKeys: String, CodingKey { case amount, unit }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            switch self {
            case .item(let id):
                try container.encode("wikibase-entityid", forKey: .type)
                var value = container.nestedContainer(keyedBy: ItemKeys.self, forKey: .value)
                try value.encode("item", forKey: .entityType)
                try value.encode(Int(id.dropFirst()) ?? 0, forKey: .numericID)
                try value.encode(id, forKey: .id)
            case .string(let text):
                try container.encode("string", forKey: .type)
                try container.encode(text, forKey: .value)
            case .day(let day):
                try container.encode("time", forKey: .type)
                var value = container.nestedContainer(keyedBy: TimeKeys.self, forKey: .value)
                try value.encode("+\(day)T00:00:00Z", forKey: .time)
                try value.encode(0, forKey: .timezone)
                try value.encode(0, forKey: .before)
                try value.encode(0, forKey: .after)
                try value.encode(11, forKey: .precision)
                try value.encode("http://www.wikidata.org/entity/Q1985727", forKey: .calendarmodel)
            case .coordinate(let latitude, let longitude, let precision):
                try container.encode("globecoordinate", forKey: .type)
                var value = container.nestedContainer(keyedBy: GlobeKeys.self, forKey: .value)
                try value.encode(latitude, forKey: .latitude)
                try value.encode(longitude, forKey: .longitude)
                try value.encodeNil(forKey: .altitude)
                try value.encode(precision, forKey: .precision)
                try value.encode("http://www.wikidata.org/entity/Q2", forKey: .globe)
            case .degrees(let amount):
                try container.encode("quantity", forKey: .type)
                var value = container.nestedContainer(keyedBy: QuantityKeys.self, forKey: .value)
                try value.encode("+\(Int(amount))", forKey: .amount)
                try value.encode("http://www.wikidata.org/entity/Q28390", forKey: .unit)
            }
        }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            switch try container.decode(String.self, forKey: .type) {
            case "wikibase-entityid":
                self = .item(try container.nestedContainer(keyedBy: ItemKeys.self, forKey: .value).decode(String.self, forKey: .id))
            case "string":
                self = .string(try container.decode(String.self, forKey: .value))
            case "time":
                let time = try container.nestedContainer(keyedBy: TimeKeys.self, forKey: .value).decode(String.self, forKey: .time)
                self = .day(String(time.dropFirst().prefix(10)))
            case "globecoordinate":
                let value = try container.nestedContainer(keyedBy: GlobeKeys.self, forKey: .value)
                self = .coordinate(
                    latitude: try value.decode(Double.self, forKey: .latitude), longitude: try value.decode(Double.self, forKey: .longitude),
                    precision: try value.decodeIfPresent(Double.self, forKey: .precision) ?? 0.000001)
            default:
                let amount = try container.nestedContainer(keyedBy: QuantityKeys.self, forKey: .value).decode(String.self, forKey: .amount)
                self = .degrees(Double(amount) ?? 0)
            }
        }
    }

    public var labels: [String: Label]
    public var claims: [Statement]

    public init(labels: [String: Label], claims: [Statement]) {
        self.labels = labels
        self.claims = claims
    }
}
