import Foundation
import PhotoModel
import PhotoPlan
import PhotoStore

/// Logging in and the questions asked before an upload.
extension WikiAPI {
    public struct SiteInfo: Sendable {
        public var name: String
        /// WikibaseMediaInfo: the wiki takes structured data on file pages.
        public var hasMediaInfo: Bool
    }

    /// The wiki's name and extensions; also the first sign that the address is an API at all.
    public func siteInfo() async throws -> SiteInfo {
        struct Answer: Decodable {
            struct Query: Decodable {
                struct General: Decodable { var sitename: String }
                struct Extension: Decodable { var name: String? }
                var general: General
                var extensions: [Extension]?
            }
            var query: Query
        }
        let answer = try await call(Answer.self, ["action": "query", "meta": "siteinfo", "siprop": "general|extensions"], attempts: 1)
        return SiteInfo(
            name: answer.query.general.sitename,
            hasMediaInfo: answer.query.extensions?.contains { $0.name == "WikibaseMediaInfo" } ?? false)
    }

    /// Logs in with a bot password (`User@BotName`).
    public func login(user: String, password: String) async throws {
        struct Tokens: Decodable {
            struct Query: Decodable { var tokens: [String: String] }
            var query: Query
        }
        struct Answer: Decodable {
            struct Login: Decodable {
                var result: String
                var reason: String?
            }
            var login: Login
        }
        let token = try await call(Tokens.self, ["action": "query", "meta": "tokens", "type": "login"]).query.tokens["logintoken"] ?? ""
        let answer = try await call(Answer.self, ["action": "login", "lgname": user, "lgpassword": password, "lgtoken": token], post: true)
        guard answer.login.result == "Success" else {
            throw Failure(code: "login", info: "login as \(user) failed: \(answer.login.reason ?? answer.login.result)")
        }
    }

    public func csrfToken() async throws -> String {
        struct Tokens: Decodable {
            struct Query: Decodable { var tokens: [String: String] }
            var query: Query
        }
        let token = try await call(Tokens.self, ["action": "query", "meta": "tokens", "type": "csrf"]).query.tokens["csrftoken"] ?? ""
        guard token != "+\\" else { throw Failure(code: "mustbeloggedin", info: "the wiki gave an anonymous token; log in first") }
        return token
    }

    /// The names of files on the wiki with these bytes.
    public func files(withSHA1 sha1: String) async throws -> [String] {
        struct Answer: Decodable {
            struct Query: Decodable {
                struct Image: Decodable { var name: String }
                var allimages: [Image]
            }
            var query: Query?
        }
        return try await call(Answer.self, ["action": "query", "list": "allimages", "aisha1": sha1, "ailimit": "50"]).query?.allimages.map(\.name)
            ?? []
    }

    /// The page id of `File:name`, or nil when there is no such page.
    public func filePageID(_ name: String) async throws -> Int? {
        struct Answer: Decodable {
            struct Query: Decodable {
                struct Page: Decodable {
                    var pageid: Int?
                    var missing: Bool?
                }
                var pages: [Page]
            }
            var query: Query
        }
        let page = try await call(Answer.self, ["action": "query", "prop": "info", "titles": "File:" + name]).query.pages.first
        return page?.missing == true ? nil : page?.pageid
    }

    /// The wikitext of `File:name`, for checking what a page holds.
    public func filePageText(_ name: String) async throws -> String? {
        struct Answer: Decodable {
            struct Query: Decodable {
                struct Page: Decodable {
                    struct Revision: Decodable {
                        struct Slots: Decodable {
                            struct Main: Decodable { var content: String? }
                            var main: Main
                        }
                        var slots: Slots
                    }
                    var revisions: [Revision]?
                }
                var pages: [Page]
            }
            var query: Query
        }
        let answer = try await call(
            Answer.self, ["action": "query", "prop": "revisions", "rvprop": "content", "rvslots": "main", "titles": "File:" + name])
        return answer.query.pages.first?.revisions?.first?.slots.main.content
    }
}
