/**
 * Generated from the server's OpenAPI document by scripts/gen-client.ts (`npm run gen:client`).
 * Do not edit: change the route or its schema, then generate again.
 */
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether the server and its database answer
         * @description 200 when they do; 503 (problem) when the database does not, so that a load balancer stops sending requests.
         *
         *     Public: no credentials needed.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What this server is and where its documentation is
         * @description Public: no credentials needed.
         */
        get: operations["getInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with a username and password
         * @description Sets the session cookie. Limited to a few attempts a minute per client address.
         *
         *     Public: no credentials needed.
         */
        post: operations["signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who is signed in, and until when
         * @description Roles: officer, planner, legal, supervisor, auditor, admin.
         */
        get: operations["getCurrentSession"];
        put?: never;
        post?: never;
        /**
         * Sign out: end this session
         * @description With an API token there is no session to end (`ended: false`); revoke the token instead.
         *
         *     Roles: officer, planner, legal, supervisor, auditor, admin.
         */
        delete: operations["signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your API tokens (everyone’s with all=true, for admins and readers of the audit logs)
         * @description Roles: officer, planner, legal, supervisor, auditor, admin.
         */
        get: operations["listTokens"];
        put?: never;
        /**
         * Create an API token; the response is the only time it is shown
         * @description Roles: officer, planner, legal, supervisor, auditor, admin.
         */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API token (yours; any, for admins)
         * @description Roles: officer, planner, legal, supervisor, auditor, admin.
         */
        delete: operations["revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every account, by username
         * @description Roles: supervisor, auditor, admin.
         */
        get: operations["listUsers"];
        put?: never;
        /**
         * Create an account with a role and an initial password
         * @description Roles: admin.
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable an account: it can no longer sign in, and its sessions and tokens stop working
         * @description Roles: admin.
         */
        post: operations["disableUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * People in id order, a page at a time, with their profiles; or the people found by A-number or name
         * @description With `aNumber` or `name` (or both), only the people whose current profile answers them. Searching by personal data needs a role that sees it in full (an auditor: `unmask=true` with a `reason`), and each search is written to the access log with whom it found (not with what was searched).
         *
         *     Roles: officer, planner, legal, supervisor, auditor, admin. Personal data is masked for planners, and for auditors unless they give a reason.
         */
        get: operations["listPeople"];
        put?: never;
        /**
         * Add a person with their first facts and, optionally, their profile
         * @description Each fact is stamped `recordedAt` = now. Facts of types outside your role’s remit are refused (403, naming each).
         *
         *     Roles: officer, admin.
         */
        post: operations["createPerson"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/people/{personId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A person: their profile and how many facts are recorded about them
         * @description Roles: officer, planner, legal, supervisor, auditor, admin. Personal data is masked for planners, and for auditors unless they give a reason.
         */
        get: operations["getPerson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/people/{personId}/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a person’s profile (a new version; the latest is the one shown)
         * @description Roles: officer, admin.
         */
        post: operations["recordProfile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/people/{personId}/facts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A person’s facts as known at an instant, or their whole history
         * @description Roles: officer, planner, legal, supervisor, auditor, admin.
         */
        get: operations["listPersonFacts"];
        put?: never;
        /**
         * Append facts to a person
         * @description Each fact is stamped `recordedAt` = now. Sending a fact again with the same id and content changes nothing; the same id with other content is a conflict. Court orders, appeals, stays and protections are legal’s; other facts the officer’s.
         *
         *     Roles: officer, legal, admin.
         */
        post: operations["recordPersonFacts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/people/{personId}/facts/{factId}/retraction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw a fact as wrong, from now on
         * @description Answers as known before now are unchanged. Only a role that may record the fact’s type may retract it.
         *
         *     Roles: officer, legal, admin.
         */
        post: operations["retractPersonFact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/people/{personId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * May this person lawfully be removed on a date, as the law was known at an instant — and if not, why
         * @description Roles: officer, planner, legal, supervisor, auditor, admin.
         */
        get: operations["getDecision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/program-facts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Programme facts as known at an instant, or their whole history
         * @description Roles: officer, planner, legal, supervisor, auditor, admin.
         */
        get: operations["listProgramFacts"];
        put?: never;
        /**
         * Record programme facts
         * @description Each fact is stamped `recordedAt` = now. A designation record states the period as the law stands after the act it records; the latest known record wins.
         *
         *     Roles: legal, admin.
         */
        post: operations["recordProgramFacts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/program-facts/{factId}/retraction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw a programme fact as wrong, from now on
         * @description Roles: legal, admin.
         */
        post: operations["retractProgramFact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/statistics/removability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * People, people returned, removable people and people under each blocker, by destination country
         * @description Roles: officer, planner, legal, supervisor, auditor, admin.
         */
        get: operations["getRemovabilityStatistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sweep": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every person’s decision on one date as known at one instant, counted in all and by destination
         * @description Roles: officer, planner, legal, supervisor, auditor, admin.
         */
        get: operations["getSweep"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * People, removable people and people under each blocker on every day of a horizon
         * @description One element per day. At most 3660 days.
         *
         *     Roles: officer, planner, legal, supervisor, auditor, admin.
         */
        get: operations["getTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/flights": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Flights in id order, a page at a time, by departure date and destination
         * @description Roles: officer, planner, legal, supervisor, auditor, admin.
         */
        get: operations["listFlights"];
        put?: never;
        /**
         * Register a flight that manifests can be drawn for
         * @description Roles: planner, admin.
         */
        post: operations["registerFlight"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/flights/{flightId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A flight
         * @description Roles: officer, planner, legal, supervisor, auditor, admin.
         */
        get: operations["getFlight"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/manifests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Manifests in id order, a page at a time, by state and flight
         * @description Roles: officer, planner, legal, supervisor, auditor, admin.
         */
        get: operations["listManifests"];
        put?: never;
        /**
         * Draft an empty manifest for a flight
         * @description Its id is `M-<flight>-<n>` unless given.
         *
         *     Roles: planner, admin.
         */
        post: operations["createManifest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/manifests/{manifestId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A manifest with its flight, seats, people (struck ones with why) and whole history
         * @description Roles: officer, planner, legal, supervisor, auditor, admin.
         */
        get: operations["getManifest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/people/{personId}/manifests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every manifest that has listed a person, struck or not, with their standing on it: what counsel needs to know before a flight leaves
         * @description Roles: officer, planner, legal, supervisor, auditor, admin.
         */
        get: operations["listPersonManifests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/manifests/{manifestId}/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add people to a draft manifest
         * @description Each person is decided with the facts known now; anyone who may not take the flight, is on another open manifest, or would exceed the seats refuses the whole request, saying who and why.
         *
         *     Roles: planner, admin.
         */
        post: operations["addManifestPeople"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/manifests/{manifestId}/strikes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Strike a person from a manifest not yet departed, with a reason code
         * @description Roles: planner, legal, supervisor, admin.
         */
        post: operations["strikeManifestPerson"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/manifests/{manifestId}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a draft for legal review
         * @description Roles: planner, admin.
         */
        post: operations["submitManifest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/manifests/{manifestId}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the legal review: cleared for approval, or returned to draft
         * @description Roles: legal, admin.
         */
        post: operations["reviewManifest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/manifests/{manifestId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a manifest that passed legal review
         * @description Everyone is decided again first; whoever may no longer fly is struck (listed in `struck`).
         *
         *     Roles: supervisor, admin.
         */
        post: operations["approveManifest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/manifests/{manifestId}/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start boarding: the departure check
         * @description Re-decides every person with the facts known at this instant and pulls anyone now protected; the response lists who was pulled and why, and who was cleared.
         *
         *     Roles: supervisor, admin.
         */
        post: operations["boardManifest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/manifests/{manifestId}/depart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the departure: who boarded, and who did not
         * @description Roles: officer, supervisor, admin.
         */
        post: operations["departManifest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/manifests/{manifestId}/arrive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the arrival, with the receiving country’s confirmation of each person
         * @description Roles: officer, supervisor, admin.
         */
        post: operations["arriveManifest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/manifests/{manifestId}/confirmations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record confirmations that came after the arrival
         * @description Roles: officer, supervisor, admin.
         */
        post: operations["confirmArrivals"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/manifests/{manifestId}/inbound": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a return-leg passenger: a citizen of the sending country coming back
         * @description Roles: officer, supervisor, admin.
         */
        post: operations["recordInboundPassenger"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/manifests/{manifestId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a manifest once its arrival is recorded
         * @description Roles: supervisor, admin.
         */
        post: operations["closeManifest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/manifests/{manifestId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a manifest before departure (a reason is required)
         * @description Roles: planner, supervisor, admin.
         */
        post: operations["cancelManifest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/manifests/{manifestId}/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The manifest’s people as CSV: one row per person ever added
         * @description Roles: officer, planner, legal, supervisor, auditor, admin.
         */
        get: operations["downloadManifestCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/manifests/{manifestId}/export.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The printable manifest (PDF): flight, people with nationality and facility, every approval
         * @description Roles: officer, planner, legal, supervisor, auditor, admin.
         */
        get: operations["downloadManifestPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Plan the flights of a window from the store and save a draft manifest per used flight
         * @description Refused (409) when a flight of the window already has a manifest that is not cancelled, or when facts recorded since `knownAt` keep an assigned person off a flight; either way nothing is saved. `save: false` plans without saving.
         *
         *     Roles: planner, admin.
         */
        post: operations["createPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/people/{personId}/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the serving of a notice of intended removal
         * @description The notice period starts once the person and counsel of record (if any) are served; the response gives the `notice` fact every serving so far amounts to, when it changed.
         *
         *     Roles: officer, admin.
         */
        post: operations["serveNotice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/people/{personId}/court-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a stay, an appeal (with stay by default) or a protection for a person
         * @description In the same transaction, the person is decided again on every manifest not yet departed and struck wherever they may no longer fly.
         *
         *     Roles: legal, admin.
         */
        post: operations["recordCourtOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/class-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a class-wide court order (by nationality and/or facility)
         * @description In the same transaction, everyone on every manifest not yet departed is decided again and struck wherever the order now protects them.
         *
         *     Roles: legal, admin.
         */
        post: operations["recordClassOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The event log: every change to the facts, with who made it
         * @description Roles: supervisor, auditor, admin.
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The access log: sign-ins, accounts, tokens, profiles and every read of personal data in full
         * @description Roles: supervisor, auditor, admin.
         */
        get: operations["listAccessEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The hash-chained audit log: every manifest transition, notice, court order and flight, with its actor
         * @description Filters combine: `subject` (the subject id), `actor` (the user id) and `what` (an entry kind such as `manifest.approved`, or its prefix before a dot: `manifest`).
         *
         *     Roles: supervisor, auditor, admin.
         */
        get: operations["listAuditEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Walk the audit chain and report whether it is intact, or its first broken entry
         * @description Roles: supervisor, auditor, admin.
         */
        get: operations["verifyAuditChain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        FieldIssueInput: {
            /** @enum {string} */
            in: "body" | "query" | "path" | "header";
            field: string;
            reason: string;
        };
        ProblemInput: {
            /** @description Stable identifier of the kind of problem: urn:repatria:problem:<slug> */
            type: string;
            title: string;
            status: number;
            detail?: string;
            /** @description The path of the request */
            instance?: string;
            /** @description Quote it when asking about this request */
            requestId?: string;
            /** @description Every field at fault: of an invalid request, or of a conflict a field causes (an id already taken) */
            errors?: components["schemas"]["FieldIssueInput"][];
        };
        EventPageInput: {
            events: {
                seq: number;
                /**
                 * Format: date-time
                 * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
                 */
                at: string;
                actor: string;
                role: string;
                kind: string;
                subjectType: string;
                subjectId: string;
                /** @description What the entry is about, as recorded: ids, counts, reasons */
                details: {
                    [key: string]: unknown;
                };
            }[];
            /** @description Pass as `after` for the next page; null on the last */
            next: number | null;
        };
        AccessEventPageInput: {
            events: {
                seq: number;
                /**
                 * Format: date-time
                 * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
                 */
                at: string;
                actor: string;
                role: string;
                kind: string;
                subjectType: string;
                subjectId: string;
                requestId: string | null;
                /** @description What the entry is about, as recorded: ids, counts, reasons */
                details: {
                    [key: string]: unknown;
                };
            }[];
            next: number | null;
        };
        AuditEntryPageInput: {
            entries: {
                seq: number;
                /**
                 * Format: date-time
                 * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
                 */
                at: string;
                what: string;
                actor: string;
                subjectType: string;
                subjectId: string;
                correlationId: string;
                /** @description What the entry is about, as recorded: ids, counts, reasons */
                details: {
                    [key: string]: unknown;
                };
                prevHash: string;
                hash: string;
            }[];
            /** @description Pass as `after` for the next page; null on the last */
            next: number | null;
        };
        AuditVerificationInput: {
            intact: boolean;
            /** @description Entries verified (before the broken one, if any) */
            entries: number;
            /** @description The last entry of an intact chain; null when broken */
            head: {
                seq: number;
                hash: string;
            } | null;
            broken: {
                /** @description The first entry that does not fit */
                seq: number;
                /**
                 * @description altered: changed after it was written; relinked: not linked to the entry before it; missing_before: entries before it were removed; truncated: entries from it to the recorded end were removed; unrecorded: past the end the writer recorded
                 * @enum {string}
                 */
                problem: "altered" | "relinked" | "missing_before" | "truncated" | "unrecorded";
                message: string;
            } | null;
        };
        FlightInput: {
            id: string;
            /**
             * Format: date
             * @description Departure date
             */
            date: string;
            /** @description Airport code */
            origin: string;
            /** @description Airport code */
            destination: string;
            /** @description The sending country */
            originCountry: string;
            /** @description The receiving country: people on board must be its nationals */
            destinationCountry: string;
            seats: number;
        };
        NewFlightInput: {
            id: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            date: string;
            origin: string;
            destination: string;
            /** @description ISO 3166-1 alpha-2 */
            originCountry: string;
            /** @description ISO 3166-1 alpha-2 */
            destinationCountry: string;
            seats: number;
        };
        StrikeReasonInput: {
            /** @enum {string} */
            code: "APPEAL_PENDING" | "CITIZENSHIP_CLAIM" | "CLASS_ORDER" | "HOLD" | "LAWFUL_STATUS" | "NO_FINAL_ORDER" | "NO_RETURN_AGREEMENT" | "NO_TRAVEL_DOCUMENT" | "PROTECTED_FROM_COUNTRY" | "STAY_OF_REMOVAL" | "TPS_PROTECTED" | "NOTICE_PERIOD" | "NOT_IN_CUSTODY" | "NOT_A_NATIONAL" | "FAMILY_BLOCKED" | "ADMINISTRATIVE" | "WITHDRAWN" | "CAPACITY";
            /** @description The code in plain English */
            reason: string;
            /** @description Ids of the facts that cause it (none for some codes) */
            facts: string[];
        };
        ManifestEventInput: {
            /** @constant */
            kind: "created";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
            flightId: string;
            owner: string;
        } | {
            /** @constant */
            kind: "person_added";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
            personId: string;
        } | {
            /** @constant */
            kind: "person_struck";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
            personId: string;
            reasons: components["schemas"]["StrikeReasonInput"][];
            /** @enum {string} */
            cause: "manual" | "fact_recorded" | "approval_check" | "departure_check";
        } | {
            /** @constant */
            kind: "submitted";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
        } | {
            /** @constant */
            kind: "review_cleared";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
        } | {
            /** @constant */
            kind: "review_returned";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
        } | {
            /** @constant */
            kind: "approved";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
        } | {
            /** @constant */
            kind: "boarding_started";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
            /** @description People the departure check found free to fly */
            cleared: string[];
        } | {
            /** @constant */
            kind: "departed";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
            boarded: string[];
            notBoarded: string[];
        } | {
            /** @constant */
            kind: "arrived";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
            reference: string;
        } | {
            /** @constant */
            kind: "arrival_confirmed";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
            personId: string;
            /** @enum {string} */
            outcome: "accepted" | "refused";
            reference: string;
        } | {
            /** @constant */
            kind: "inbound_recorded";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
            passengerId: string;
            /** @description ISO 3166-1 alpha-2 */
            citizenship: string;
        } | {
            /** @constant */
            kind: "closed";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
        } | {
            /** @constant */
            kind: "cancelled";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
        };
        ManifestPersonInput: {
            personId: string;
            /** @enum {string} */
            status: "on_board" | "struck" | "boarded" | "not_boarded";
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            addedAt: string;
            addedBy: string;
            strike: {
                reasons: components["schemas"]["StrikeReasonInput"][];
                /** @enum {string} */
                cause: "manual" | "fact_recorded" | "approval_check" | "departure_check";
                /**
                 * Format: date-time
                 * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
                 */
                at: string;
                by: string;
                /** @enum {string} */
                role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
                note: string;
            } | null;
            arrival: {
                /** @enum {string} */
                outcome: "accepted" | "refused";
                reference: string;
                /**
                 * Format: date-time
                 * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
                 */
                at: string;
            } | null;
        };
        ManifestSummaryInput: {
            id: string;
            flightId: string;
            /** @enum {string} */
            state: "draft" | "in_review" | "approved" | "boarding" | "departed" | "arrived" | "closed" | "cancelled";
            /** @description Events so far */
            version: number;
            /** @description User id of who drafted it */
            owner: string;
            /** @description People added and not struck; once the departure is recorded, those who boarded */
            onBoard: number;
            /** @description People struck off */
            struck: number;
            flight: components["schemas"]["FlightInput"];
        };
        ManifestDetailInput: {
            id: string;
            flightId: string;
            /** @enum {string} */
            state: "draft" | "in_review" | "approved" | "boarding" | "departed" | "arrived" | "closed" | "cancelled";
            /** @description Events so far */
            version: number;
            /** @description User id of who drafted it */
            owner: string;
            /** @description People added and not struck; once the departure is recorded, those who boarded */
            onBoard: number;
            /** @description People struck off */
            struck: number;
            flight: components["schemas"]["FlightInput"];
            legalClearance: {
                by: string;
                /**
                 * Format: date-time
                 * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
                 */
                at: string;
            } | null;
            /** @description The receiving country’s arrival reference */
            reference: string | null;
            seats: {
                /** @description Seats on the flight */
                flight: number;
                /** @description Held by this manifest (approved and later) */
                held: number;
                /** @description Held by the flight’s other manifests */
                heldElsewhere: number;
                /** @description Seats no manifest holds */
                free: number;
            };
            /** @description Everyone ever added, in the order first added */
            people: components["schemas"]["ManifestPersonInput"][];
            /** @description Return-leg passengers: citizens of the sending country */
            inbound: {
                passengerId: string;
                /** @description ISO 3166-1 alpha-2 */
                citizenship: string;
                /**
                 * Format: date-time
                 * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
                 */
                at: string;
            }[];
            /** @description The whole history, oldest first */
            events: components["schemas"]["ManifestEventInput"][];
        };
        StruckPersonInput: {
            manifestId: string;
            personId: string;
            reasons: components["schemas"]["StrikeReasonInput"][];
        };
        FlightPageInput: {
            flights: components["schemas"]["FlightInput"][];
            /** @description Pass as `after` for the next page; null on the last */
            next: string | null;
        };
        ManifestPageInput: {
            manifests: components["schemas"]["ManifestSummaryInput"][];
            /** @description Pass as `after` for the next page; null on the last */
            next: string | null;
        };
        PersonManifestInput: {
            id: string;
            flightId: string;
            /** @enum {string} */
            state: "draft" | "in_review" | "approved" | "boarding" | "departed" | "arrived" | "closed" | "cancelled";
            /** @description Events so far */
            version: number;
            /** @description User id of who drafted it */
            owner: string;
            /** @description People added and not struck; once the departure is recorded, those who boarded */
            onBoard: number;
            /** @description People struck off */
            struck: number;
            flight: components["schemas"]["FlightInput"];
            /** @description The person on this manifest */
            person: components["schemas"]["ManifestPersonInput"];
        };
        PersonManifestsInput: {
            personId: string;
            /** @description By flight date, the latest first */
            manifests: components["schemas"]["PersonManifestInput"][];
        };
        ManifestChangeInput: {
            /** @description The manifest after the command */
            manifest: {
                id: string;
                flightId: string;
                /** @enum {string} */
                state: "draft" | "in_review" | "approved" | "boarding" | "departed" | "arrived" | "closed" | "cancelled";
                version: number;
                onBoard: number;
            };
            /** @description What the command recorded, in order */
            events: components["schemas"]["ManifestEventInput"][];
            /** @description People the command struck off, with why */
            struck: {
                personId: string;
                reasons: components["schemas"]["StrikeReasonInput"][];
                cause: string;
                reason: string;
            }[];
            /** @description Shared by every audit entry this command wrote */
            correlationId: string;
        };
        NewManifestInput: {
            flightId: string;
            manifestId?: string;
            /** @description Why; recorded in the manifest’s history */
            reason?: string;
        };
        ManifestNoteInput: {
            /** @description Why; recorded in the manifest’s history */
            reason?: string;
        };
        ManifestAdditionInput: {
            personIds: string[];
            /** @description Why; recorded in the manifest’s history */
            reason?: string;
        };
        ManifestStrikeInput: {
            personId: string;
            /** @enum {string} */
            code: "APPEAL_PENDING" | "CITIZENSHIP_CLAIM" | "CLASS_ORDER" | "HOLD" | "LAWFUL_STATUS" | "NO_FINAL_ORDER" | "NO_RETURN_AGREEMENT" | "NO_TRAVEL_DOCUMENT" | "PROTECTED_FROM_COUNTRY" | "STAY_OF_REMOVAL" | "TPS_PROTECTED" | "NOTICE_PERIOD" | "NOT_IN_CUSTODY" | "NOT_A_NATIONAL" | "FAMILY_BLOCKED" | "ADMINISTRATIVE" | "WITHDRAWN" | "CAPACITY";
            /** @description Ids of the facts behind the code */
            facts?: string[];
            /** @description Why; recorded in the manifest’s history */
            reason?: string;
        };
        ManifestReviewInput: {
            /** @enum {string} */
            outcome: "cleared" | "returned";
            /** @description Why; recorded in the manifest’s history */
            reason?: string;
        };
        BoardingResultInput: {
            /** @description The manifest after the command */
            manifest: {
                id: string;
                flightId: string;
                /** @enum {string} */
                state: "draft" | "in_review" | "approved" | "boarding" | "departed" | "arrived" | "closed" | "cancelled";
                version: number;
                onBoard: number;
            };
            /** @description What the command recorded, in order */
            events: components["schemas"]["ManifestEventInput"][];
            /** @description People the command struck off, with why */
            struck: {
                personId: string;
                reasons: components["schemas"]["StrikeReasonInput"][];
                cause: string;
                reason: string;
            }[];
            /** @description Shared by every audit entry this command wrote */
            correlationId: string;
            /** @description People the departure check found free to fly */
            cleared: string[];
        };
        DepartureInput: {
            /** @description People on the manifest who did not board */
            notBoarded: string[];
            /** @description Why; recorded in the manifest’s history */
            reason?: string;
        };
        DepartureResultInput: {
            /** @description The manifest after the command */
            manifest: {
                id: string;
                flightId: string;
                /** @enum {string} */
                state: "draft" | "in_review" | "approved" | "boarding" | "departed" | "arrived" | "closed" | "cancelled";
                version: number;
                onBoard: number;
            };
            /** @description What the command recorded, in order */
            events: components["schemas"]["ManifestEventInput"][];
            /** @description People the command struck off, with why */
            struck: {
                personId: string;
                reasons: components["schemas"]["StrikeReasonInput"][];
                cause: string;
                reason: string;
            }[];
            /** @description Shared by every audit entry this command wrote */
            correlationId: string;
            boarded: string[];
            notBoarded: string[];
        };
        ArrivalInput: {
            /** @description The receiving country’s confirmation reference */
            reference: string;
            /** @description Per person who boarded: accepted or refused by the receiving country */
            confirmations: {
                personId: string;
                /** @enum {string} */
                outcome: "accepted" | "refused";
            }[];
            /** @description Why; recorded in the manifest’s history */
            reason?: string;
        };
        ArrivalResultInput: {
            /** @description The manifest after the command */
            manifest: {
                id: string;
                flightId: string;
                /** @enum {string} */
                state: "draft" | "in_review" | "approved" | "boarding" | "departed" | "arrived" | "closed" | "cancelled";
                version: number;
                onBoard: number;
            };
            /** @description What the command recorded, in order */
            events: components["schemas"]["ManifestEventInput"][];
            /** @description People the command struck off, with why */
            struck: {
                personId: string;
                reasons: components["schemas"]["StrikeReasonInput"][];
                cause: string;
                reason: string;
            }[];
            /** @description Shared by every audit entry this command wrote */
            correlationId: string;
            confirmations: {
                personId: string;
                /** @enum {string} */
                outcome: "accepted" | "refused";
            }[];
        };
        InboundPassengerInput: {
            /** @description The sending country’s reference for the citizen, not a name */
            passengerId: string;
            /** @description ISO 3166-1 alpha-2 */
            citizenship: string;
            /** @description Why; recorded in the manifest’s history */
            reason?: string;
        };
        ManifestCancellationInput: {
            reason: string;
        };
        NewPersonFactInput: {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "nationality";
            /** @description ISO 3166-1 alpha-2 */
            country: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "final_order";
            /** @enum {string} */
            kind: "removal" | "expedited_removal" | "reinstatement";
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "appeal";
            /** @description Whether removal is stayed; default false */
            stay?: boolean;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "stay";
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "tps";
            designation: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "protection";
            /** @enum {string} */
            kind: "withholding" | "cat_withholding" | "cat_deferral";
            /** @description ISO 3166-1 alpha-2 */
            country: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "lawful_status";
            kind: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "citizenship_claim";
            /** @description ISO 3166-1 alpha-2 */
            country: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /** @enum {string} */
            resolution?: "verified" | "rejected";
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            resolvedOn?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "travel_document";
            /** @description ISO 3166-1 alpha-2 */
            country: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            through: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "hold";
            /** @enum {string} */
            kind: "medical" | "legal" | "investigative";
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "custody";
            facility: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "notice";
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            servedOn: string;
            counsel: boolean;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "family";
            group: string;
        };
        PersonFactInput: {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "nationality";
            /** @description ISO 3166-1 alpha-2 */
            country: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "final_order";
            /** @enum {string} */
            kind: "removal" | "expedited_removal" | "reinstatement";
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "appeal";
            /** @description Whether removal is stayed; default false */
            stay?: boolean;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "stay";
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "tps";
            designation: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "protection";
            /** @enum {string} */
            kind: "withholding" | "cat_withholding" | "cat_deferral";
            /** @description ISO 3166-1 alpha-2 */
            country: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "lawful_status";
            kind: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "citizenship_claim";
            /** @description ISO 3166-1 alpha-2 */
            country: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /** @enum {string} */
            resolution?: "verified" | "rejected";
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            resolvedOn?: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "travel_document";
            /** @description ISO 3166-1 alpha-2 */
            country: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            through: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "hold";
            /** @enum {string} */
            kind: "medical" | "legal" | "investigative";
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "custody";
            facility: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "notice";
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            servedOn: string;
            counsel: boolean;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "family";
            group: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        };
        NewProgramFactInput: {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "tps_designation";
            designation: string;
            /** @description ISO 3166-1 alpha-2 */
            country: string;
            citation: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "class_order";
            criteria: {
                nationality?: string[];
                facility?: string[];
            };
            citation: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "return_agreement";
            /** @description ISO 3166-1 alpha-2 */
            country: string;
            weeklyCap?: number;
            requiresTravelDocument: boolean;
            /** @enum {string} */
            transport: "sending" | "receiving";
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        };
        ProgramFactInput: {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "tps_designation";
            designation: string;
            /** @description ISO 3166-1 alpha-2 */
            country: string;
            citation: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "class_order";
            criteria: {
                nationality?: string[];
                facility?: string[];
            };
            citation: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "return_agreement";
            /** @description ISO 3166-1 alpha-2 */
            country: string;
            weeklyCap?: number;
            requiresTravelDocument: boolean;
            /** @enum {string} */
            transport: "sending" | "receiving";
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        };
        WriteSummaryInput: {
            /** @description People added */
            people: number;
            /** @description Facts recorded */
            facts: number;
            /** @description Facts already recorded with the same content */
            unchanged: number;
        };
        RetractionRequestInput: {
            /** @description Why the fact is withdrawn as wrong */
            reason: string;
        };
        RetractionInput: {
            /** @description Unique across all facts, person and programme */
            factId: string;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            retractedAt: string;
            reason: string;
        };
        NoticeServingInput: {
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            servedOn: string;
            /** @description Who was served */
            to: ("person" | "counsel")[];
            /** @description The person has no counsel of record; default false */
            noCounselOfRecord?: boolean;
            language: string;
            /** @enum {string} */
            method: "in_person" | "mail" | "electronic" | "fax" | "via_facility";
        };
        ServedNoticeInput: {
            servingId: string;
            /** @description The `notice` fact recorded now; null when unchanged */
            noticeFact: components["schemas"]["PersonFactInput"] | null;
            correlationId: string;
        };
        CourtOrderResultInput: {
            factIds: string[];
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            recordedAt: string;
            /** @description Manifests people were struck from */
            manifests: string[];
            /** @description People struck from manifests not yet departed, with why */
            struck: components["schemas"]["StruckPersonInput"][];
            correlationId: string;
        };
        CourtOrderInput: {
            /** @constant */
            type: "stay";
            /** @description Default: a new id */
            id?: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        } | {
            /** @constant */
            type: "appeal";
            /** @description Default: a new id */
            id?: string;
            /** @description Whether the appeal stays removal; default true */
            stay?: boolean;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        } | {
            /** @constant */
            type: "protection";
            /** @description Default: a new id */
            id?: string;
            /** @enum {string} */
            kind: "withholding" | "cat_withholding" | "cat_deferral";
            /** @description ISO 3166-1 alpha-2 */
            country: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        };
        ClassOrderInput: {
            /** @description Default: a new id */
            id?: string;
            /** @description Who the order covers: everyone matching all the criteria given. At least one, unless `everyone` is true */
            criteria?: {
                nationality?: string[];
                /** @description Registered facility ids, when any facility is registered */
                facility?: string[];
            };
            /** @description The order covers everyone: true with no criteria (recorded as `criteria: {}`); default false */
            everyone?: boolean;
            /** @description The order’s legal citation */
            citation: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        };
        NewPlanInput: {
            /**
             * Format: date
             * @description First flight date
             */
            from: string;
            /**
             * Format: date
             * @description Last flight date
             */
            to: string;
            /** @description As known at this instant (or by the end of this date, UTC); default: now */
            knownAt?: string;
            /** @description Save draft manifests; default true */
            save?: boolean;
        };
        StorePlanInput: {
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            to: string;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            knownAt: string;
            /** @description Whether draft manifests were saved */
            saved: boolean;
            flights: {
                id: string;
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                date: string;
                origin: string;
                destination: string;
                /** @description ISO 3166-1 alpha-2 */
                country: string;
                /** @enum {string} */
                suppliedBy: "sending" | "receiving";
                seats: number;
                seatsUsed: number;
                /** @description The draft saved for it; null when unused or not saved */
                manifestId: string | null;
                /** @description Ids of the people assigned */
                people: string[];
            }[];
            /** @description Weekly caps used, per country and week with flights carrying people */
            caps: {
                /** @description ISO 3166-1 alpha-2 */
                country: string;
                /**
                 * Format: date
                 * @description First day of the week
                 */
                week: string;
                /** @description Weekly acceptance cap; null = none */
                cap: number | null;
                used: number;
            }[];
            /** @description Value of the people assigned less their transfer costs */
            objective: number;
            /** @description A proven upper bound on the best objective any plan could reach */
            bound: number;
            /** @description objective / bound: 1 is proven optimal; 1 too when the bound is 0 (nothing could be gained) */
            ratio: number;
            /**
             * @description How the plan was found: MIP (solved to optimality), LP with rounding, the heuristic alone, or nothing to plan
             * @enum {string}
             */
            method: "mip" | "lp-rounding" | "heuristic" | "empty";
            /** @description People considered: in custody in the window and on no open manifest */
            people: number;
            assigned: number;
            unassigned: number;
            /** @description Unassigned people by reason, most frequent first; a person counts under each of theirs */
            unassignedByReason: {
                /** @description A blocker code of the decision or a planner code (spec/plan-instance.md) */
                code: string;
                people: number;
            }[];
        };
        SweepCountsInput: {
            people: number;
            removable: number;
            /** @description People under each blocker, every code present (a person counts under each of theirs) */
            blockers: {
                [key: string]: number;
            };
        };
        SweepInput: {
            people: number;
            removable: number;
            /** @description People under each blocker, every code present (a person counts under each of theirs) */
            blockers: {
                [key: string]: number;
            };
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            on: string;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            knownAt: string;
            /** @description By destination country (?? = none known) */
            byCountry: {
                [key: string]: components["schemas"]["SweepCountsInput"];
            };
        };
        TimelineInput: {
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            to: string;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            knownAt: string;
            /** @enum {string} */
            by: "blocker" | "country";
            days: {
                people: number;
                removable: number;
                /** @description People under each blocker, every code present (a person counts under each of theirs) */
                blockers: {
                    [key: string]: number;
                };
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                date: string;
                /** @description With by=country */
                byCountry?: {
                    [key: string]: components["schemas"]["SweepCountsInput"];
                };
            }[];
        };
        BlockerInput: {
            /** @enum {string} */
            code: "APPEAL_PENDING" | "CITIZENSHIP_CLAIM" | "CLASS_ORDER" | "HOLD" | "LAWFUL_STATUS" | "NO_FINAL_ORDER" | "NO_RETURN_AGREEMENT" | "NO_TRAVEL_DOCUMENT" | "PROTECTED_FROM_COUNTRY" | "STAY_OF_REMOVAL" | "TPS_PROTECTED";
            /** @description The code in plain English */
            reason: string;
            /** @description Ids of the facts that cause it */
            facts: string[];
            /** @description Last day of the unbroken run from `on`; null = no end */
            until: string | null;
        };
        DecisionInput: {
            personId: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            on: string;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            knownAt: string;
            destination: string | null;
            removable: boolean;
            /** @description Sorted by code */
            blockers: components["schemas"]["BlockerInput"][];
            /** @description Ids of every final order in effect on `on` */
            basis: string[];
            /** @description First later date on which the answer changes; null = never */
            changesOn: string | null;
        };
        ProfileViewInput: {
            /** @description Whether the fields below are masked for your role */
            masked: boolean;
            /** @description In full, or initials when masked */
            name: string;
            /** @description YYYY-MM-DD in full, or the year alone when masked */
            dateOfBirth: string | null;
            /** @description A123456789 in full, or A******789 when masked */
            aNumber: string | null;
        };
        NewProfileInput: {
            name: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            dateOfBirth?: string;
            aNumber?: string;
        };
        PeoplePageInput: {
            people: {
                id: string;
                profile: components["schemas"]["ProfileViewInput"] | null;
            }[];
            /** @description Pass as `after` for the next page; null on the last */
            next: string | null;
        };
        PersonSummaryInput: {
            id: string;
            profile: components["schemas"]["ProfileViewInput"] | null;
            /** @description Facts ever recorded, retracted ones included */
            factCount: number;
            lastRecordedAt: string | null;
        };
        NewPersonInput: {
            id: string;
            facts: components["schemas"]["NewPersonFactInput"][];
            profile?: components["schemas"]["NewProfileInput"];
        };
        CreatedPersonInput: {
            id: string;
            summary: components["schemas"]["WriteSummaryInput"];
            profileVersion: number | null;
        };
        RecordedProfileInput: {
            personId: string;
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            recordedAt: string;
        };
        PersonFactsInput: {
            personId: string;
            knownAt: string | null;
            facts: components["schemas"]["PersonFactInput"][];
        };
        RecordedFactsInput: {
            /** @description Always 0: people are added with POST /people */
            people: number;
            /** @description Facts recorded */
            facts: number;
            /** @description Facts already recorded with the same content */
            unchanged: number;
            /** @description People struck from manifests not yet departed, with why */
            struck: components["schemas"]["StruckPersonInput"][];
            correlationId: string;
        };
        PersonRetractionInput: {
            factId: string;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            retractedAt: string;
            reason: string;
            /** @description People struck from manifests not yet departed, with why */
            struck: components["schemas"]["StruckPersonInput"][];
        };
        NewPersonFactsInput: {
            facts: components["schemas"]["NewPersonFactInput"][];
        };
        ProgramFactsInput: {
            knownAt: string | null;
            facts: components["schemas"]["ProgramFactInput"][];
        };
        NewProgramFactsInput: {
            facts: components["schemas"]["NewProgramFactInput"][];
        };
        UserInput: {
            id: string;
            username: string;
            displayName: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            createdAt: string;
            disabledAt: string | null;
        };
        NewUserInput: {
            username: string;
            displayName: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            password: string;
        };
        TokenInput: {
            id: string;
            userId: string;
            name: string;
            /** @description The first characters of the token, to recognise it */
            prefix: string;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            expiresAt: string;
            revokedAt: string | null;
        };
        SessionInput: {
            user: components["schemas"]["UserInput"];
            /**
             * @description How this request was signed in
             * @enum {string}
             */
            via: "session" | "token";
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            expiresAt: string;
        };
        SignInInput: {
            username: string;
            password: string;
        };
        SignedOutInput: {
            ended: boolean;
        };
        RemovabilityCountsInput: {
            people: number;
            /** @description People returned on a departed manifest by the date: counted neither as removable nor under a blocker */
            returned: number;
            /** @description Removable and not yet returned */
            removable: number;
            /** @description People under each blocker (a person counts under each of theirs) */
            blockers: {
                [key: string]: number;
            };
        };
        RemovabilityStatisticsInput: {
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            on: string;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            knownAt: string;
            countries: {
                people: number;
                /** @description People returned on a departed manifest by the date: counted neither as removable nor under a blocker */
                returned: number;
                /** @description Removable and not yet returned */
                removable: number;
                /** @description People under each blocker (a person counts under each of theirs) */
                blockers: {
                    [key: string]: number;
                };
                /** @description ISO 3166-1 alpha-2, or ?? for no known nationality */
                country: string;
            }[];
            total: components["schemas"]["RemovabilityCountsInput"];
        };
        HealthInput: {
            /** @constant */
            status: "ok";
            checks: {
                /** @constant */
                database: "up";
            };
        };
        InfoInput: {
            /** @constant */
            name: "repatria";
            version: string;
            description: string;
            documentation: {
                openapi: string;
                interactive: string | null;
            };
        };
        TokenListInput: {
            tokens: components["schemas"]["TokenInput"][];
        };
        NewTokenInput: {
            /** @description What the token is for */
            name: string;
            /** @description Default 90; at most the server’s limit */
            expiresInDays?: number;
        };
        CreatedTokenInput: {
            /** @description Send as Authorization: Bearer <token>. Shown once. */
            token: string;
            details: components["schemas"]["TokenInput"];
        };
        UserListInput: {
            users: components["schemas"]["UserInput"][];
        };
        DisableUserInput: {
            reason: string;
        };
        FieldIssue: {
            /** @enum {string} */
            in: "body" | "query" | "path" | "header";
            field: string;
            reason: string;
        };
        Problem: {
            /** @description Stable identifier of the kind of problem: urn:repatria:problem:<slug> */
            type: string;
            title: string;
            status: number;
            detail?: string;
            /** @description The path of the request */
            instance?: string;
            /** @description Quote it when asking about this request */
            requestId?: string;
            /** @description Every field at fault: of an invalid request, or of a conflict a field causes (an id already taken) */
            errors?: components["schemas"]["FieldIssue"][];
        };
        EventPage: {
            events: {
                seq: number;
                /**
                 * Format: date-time
                 * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
                 */
                at: string;
                actor: string;
                role: string;
                kind: string;
                subjectType: string;
                subjectId: string;
                /** @description What the entry is about, as recorded: ids, counts, reasons */
                details: {
                    [key: string]: unknown;
                };
            }[];
            /** @description Pass as `after` for the next page; null on the last */
            next: number | null;
        };
        AccessEventPage: {
            events: {
                seq: number;
                /**
                 * Format: date-time
                 * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
                 */
                at: string;
                actor: string;
                role: string;
                kind: string;
                subjectType: string;
                subjectId: string;
                requestId: string | null;
                /** @description What the entry is about, as recorded: ids, counts, reasons */
                details: {
                    [key: string]: unknown;
                };
            }[];
            next: number | null;
        };
        AuditEntryPage: {
            entries: {
                seq: number;
                /**
                 * Format: date-time
                 * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
                 */
                at: string;
                what: string;
                actor: string;
                subjectType: string;
                subjectId: string;
                correlationId: string;
                /** @description What the entry is about, as recorded: ids, counts, reasons */
                details: {
                    [key: string]: unknown;
                };
                prevHash: string;
                hash: string;
            }[];
            /** @description Pass as `after` for the next page; null on the last */
            next: number | null;
        };
        AuditVerification: {
            intact: boolean;
            /** @description Entries verified (before the broken one, if any) */
            entries: number;
            /** @description The last entry of an intact chain; null when broken */
            head: {
                seq: number;
                hash: string;
            } | null;
            broken: {
                /** @description The first entry that does not fit */
                seq: number;
                /**
                 * @description altered: changed after it was written; relinked: not linked to the entry before it; missing_before: entries before it were removed; truncated: entries from it to the recorded end were removed; unrecorded: past the end the writer recorded
                 * @enum {string}
                 */
                problem: "altered" | "relinked" | "missing_before" | "truncated" | "unrecorded";
                message: string;
            } | null;
        };
        Flight: {
            id: string;
            /**
             * Format: date
             * @description Departure date
             */
            date: string;
            /** @description Airport code */
            origin: string;
            /** @description Airport code */
            destination: string;
            /** @description The sending country */
            originCountry: string;
            /** @description The receiving country: people on board must be its nationals */
            destinationCountry: string;
            seats: number;
        };
        NewFlight: {
            id: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            date: string;
            origin: string;
            destination: string;
            /** @description ISO 3166-1 alpha-2 */
            originCountry: string;
            /** @description ISO 3166-1 alpha-2 */
            destinationCountry: string;
            seats: number;
        };
        StrikeReason: {
            /** @enum {string} */
            code: "APPEAL_PENDING" | "CITIZENSHIP_CLAIM" | "CLASS_ORDER" | "HOLD" | "LAWFUL_STATUS" | "NO_FINAL_ORDER" | "NO_RETURN_AGREEMENT" | "NO_TRAVEL_DOCUMENT" | "PROTECTED_FROM_COUNTRY" | "STAY_OF_REMOVAL" | "TPS_PROTECTED" | "NOTICE_PERIOD" | "NOT_IN_CUSTODY" | "NOT_A_NATIONAL" | "FAMILY_BLOCKED" | "ADMINISTRATIVE" | "WITHDRAWN" | "CAPACITY";
            /** @description The code in plain English */
            reason: string;
            /** @description Ids of the facts that cause it (none for some codes) */
            facts: string[];
        };
        ManifestEvent: {
            /** @constant */
            kind: "created";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
            flightId: string;
            owner: string;
        } | {
            /** @constant */
            kind: "person_added";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
            personId: string;
        } | {
            /** @constant */
            kind: "person_struck";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
            personId: string;
            reasons: components["schemas"]["StrikeReason"][];
            /** @enum {string} */
            cause: "manual" | "fact_recorded" | "approval_check" | "departure_check";
        } | {
            /** @constant */
            kind: "submitted";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
        } | {
            /** @constant */
            kind: "review_cleared";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
        } | {
            /** @constant */
            kind: "review_returned";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
        } | {
            /** @constant */
            kind: "approved";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
        } | {
            /** @constant */
            kind: "boarding_started";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
            /** @description People the departure check found free to fly */
            cleared: string[];
        } | {
            /** @constant */
            kind: "departed";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
            boarded: string[];
            notBoarded: string[];
        } | {
            /** @constant */
            kind: "arrived";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
            reference: string;
        } | {
            /** @constant */
            kind: "arrival_confirmed";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
            personId: string;
            /** @enum {string} */
            outcome: "accepted" | "refused";
            reference: string;
        } | {
            /** @constant */
            kind: "inbound_recorded";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
            passengerId: string;
            /** @description ISO 3166-1 alpha-2 */
            citizenship: string;
        } | {
            /** @constant */
            kind: "closed";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
        } | {
            /** @constant */
            kind: "cancelled";
            /** @description Position in the manifest’s history, from 1 */
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            at: string;
            /** @description User id */
            actor: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            reason: string;
        };
        ManifestPerson: {
            personId: string;
            /** @enum {string} */
            status: "on_board" | "struck" | "boarded" | "not_boarded";
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            addedAt: string;
            addedBy: string;
            strike: {
                reasons: components["schemas"]["StrikeReason"][];
                /** @enum {string} */
                cause: "manual" | "fact_recorded" | "approval_check" | "departure_check";
                /**
                 * Format: date-time
                 * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
                 */
                at: string;
                by: string;
                /** @enum {string} */
                role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
                note: string;
            } | null;
            arrival: {
                /** @enum {string} */
                outcome: "accepted" | "refused";
                reference: string;
                /**
                 * Format: date-time
                 * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
                 */
                at: string;
            } | null;
        };
        ManifestSummary: {
            id: string;
            flightId: string;
            /** @enum {string} */
            state: "draft" | "in_review" | "approved" | "boarding" | "departed" | "arrived" | "closed" | "cancelled";
            /** @description Events so far */
            version: number;
            /** @description User id of who drafted it */
            owner: string;
            /** @description People added and not struck; once the departure is recorded, those who boarded */
            onBoard: number;
            /** @description People struck off */
            struck: number;
            flight: components["schemas"]["Flight"];
        };
        ManifestDetail: {
            id: string;
            flightId: string;
            /** @enum {string} */
            state: "draft" | "in_review" | "approved" | "boarding" | "departed" | "arrived" | "closed" | "cancelled";
            /** @description Events so far */
            version: number;
            /** @description User id of who drafted it */
            owner: string;
            /** @description People added and not struck; once the departure is recorded, those who boarded */
            onBoard: number;
            /** @description People struck off */
            struck: number;
            flight: components["schemas"]["Flight"];
            legalClearance: {
                by: string;
                /**
                 * Format: date-time
                 * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
                 */
                at: string;
            } | null;
            /** @description The receiving country’s arrival reference */
            reference: string | null;
            seats: {
                /** @description Seats on the flight */
                flight: number;
                /** @description Held by this manifest (approved and later) */
                held: number;
                /** @description Held by the flight’s other manifests */
                heldElsewhere: number;
                /** @description Seats no manifest holds */
                free: number;
            };
            /** @description Everyone ever added, in the order first added */
            people: components["schemas"]["ManifestPerson"][];
            /** @description Return-leg passengers: citizens of the sending country */
            inbound: {
                passengerId: string;
                /** @description ISO 3166-1 alpha-2 */
                citizenship: string;
                /**
                 * Format: date-time
                 * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
                 */
                at: string;
            }[];
            /** @description The whole history, oldest first */
            events: components["schemas"]["ManifestEvent"][];
        };
        StruckPerson: {
            manifestId: string;
            personId: string;
            reasons: components["schemas"]["StrikeReason"][];
        };
        FlightPage: {
            flights: components["schemas"]["Flight"][];
            /** @description Pass as `after` for the next page; null on the last */
            next: string | null;
        };
        ManifestPage: {
            manifests: components["schemas"]["ManifestSummary"][];
            /** @description Pass as `after` for the next page; null on the last */
            next: string | null;
        };
        PersonManifest: {
            id: string;
            flightId: string;
            /** @enum {string} */
            state: "draft" | "in_review" | "approved" | "boarding" | "departed" | "arrived" | "closed" | "cancelled";
            /** @description Events so far */
            version: number;
            /** @description User id of who drafted it */
            owner: string;
            /** @description People added and not struck; once the departure is recorded, those who boarded */
            onBoard: number;
            /** @description People struck off */
            struck: number;
            flight: components["schemas"]["Flight"];
            /** @description The person on this manifest */
            person: components["schemas"]["ManifestPerson"];
        };
        PersonManifests: {
            personId: string;
            /** @description By flight date, the latest first */
            manifests: components["schemas"]["PersonManifest"][];
        };
        ManifestChange: {
            /** @description The manifest after the command */
            manifest: {
                id: string;
                flightId: string;
                /** @enum {string} */
                state: "draft" | "in_review" | "approved" | "boarding" | "departed" | "arrived" | "closed" | "cancelled";
                version: number;
                onBoard: number;
            };
            /** @description What the command recorded, in order */
            events: components["schemas"]["ManifestEvent"][];
            /** @description People the command struck off, with why */
            struck: {
                personId: string;
                reasons: components["schemas"]["StrikeReason"][];
                cause: string;
                reason: string;
            }[];
            /** @description Shared by every audit entry this command wrote */
            correlationId: string;
        };
        NewManifest: {
            flightId: string;
            manifestId?: string;
            /** @description Why; recorded in the manifest’s history */
            reason?: string;
        };
        ManifestNote: {
            /** @description Why; recorded in the manifest’s history */
            reason?: string;
        };
        ManifestAddition: {
            personIds: string[];
            /** @description Why; recorded in the manifest’s history */
            reason?: string;
        };
        ManifestStrike: {
            personId: string;
            /** @enum {string} */
            code: "APPEAL_PENDING" | "CITIZENSHIP_CLAIM" | "CLASS_ORDER" | "HOLD" | "LAWFUL_STATUS" | "NO_FINAL_ORDER" | "NO_RETURN_AGREEMENT" | "NO_TRAVEL_DOCUMENT" | "PROTECTED_FROM_COUNTRY" | "STAY_OF_REMOVAL" | "TPS_PROTECTED" | "NOTICE_PERIOD" | "NOT_IN_CUSTODY" | "NOT_A_NATIONAL" | "FAMILY_BLOCKED" | "ADMINISTRATIVE" | "WITHDRAWN" | "CAPACITY";
            /** @description Ids of the facts behind the code */
            facts?: string[];
            /** @description Why; recorded in the manifest’s history */
            reason?: string;
        };
        ManifestReview: {
            /** @enum {string} */
            outcome: "cleared" | "returned";
            /** @description Why; recorded in the manifest’s history */
            reason?: string;
        };
        BoardingResult: {
            /** @description The manifest after the command */
            manifest: {
                id: string;
                flightId: string;
                /** @enum {string} */
                state: "draft" | "in_review" | "approved" | "boarding" | "departed" | "arrived" | "closed" | "cancelled";
                version: number;
                onBoard: number;
            };
            /** @description What the command recorded, in order */
            events: components["schemas"]["ManifestEvent"][];
            /** @description People the command struck off, with why */
            struck: {
                personId: string;
                reasons: components["schemas"]["StrikeReason"][];
                cause: string;
                reason: string;
            }[];
            /** @description Shared by every audit entry this command wrote */
            correlationId: string;
            /** @description People the departure check found free to fly */
            cleared: string[];
        };
        Departure: {
            /** @description People on the manifest who did not board */
            notBoarded: string[];
            /** @description Why; recorded in the manifest’s history */
            reason?: string;
        };
        DepartureResult: {
            /** @description The manifest after the command */
            manifest: {
                id: string;
                flightId: string;
                /** @enum {string} */
                state: "draft" | "in_review" | "approved" | "boarding" | "departed" | "arrived" | "closed" | "cancelled";
                version: number;
                onBoard: number;
            };
            /** @description What the command recorded, in order */
            events: components["schemas"]["ManifestEvent"][];
            /** @description People the command struck off, with why */
            struck: {
                personId: string;
                reasons: components["schemas"]["StrikeReason"][];
                cause: string;
                reason: string;
            }[];
            /** @description Shared by every audit entry this command wrote */
            correlationId: string;
            boarded: string[];
            notBoarded: string[];
        };
        Arrival: {
            /** @description The receiving country’s confirmation reference */
            reference: string;
            /** @description Per person who boarded: accepted or refused by the receiving country */
            confirmations: {
                personId: string;
                /** @enum {string} */
                outcome: "accepted" | "refused";
            }[];
            /** @description Why; recorded in the manifest’s history */
            reason?: string;
        };
        ArrivalResult: {
            /** @description The manifest after the command */
            manifest: {
                id: string;
                flightId: string;
                /** @enum {string} */
                state: "draft" | "in_review" | "approved" | "boarding" | "departed" | "arrived" | "closed" | "cancelled";
                version: number;
                onBoard: number;
            };
            /** @description What the command recorded, in order */
            events: components["schemas"]["ManifestEvent"][];
            /** @description People the command struck off, with why */
            struck: {
                personId: string;
                reasons: components["schemas"]["StrikeReason"][];
                cause: string;
                reason: string;
            }[];
            /** @description Shared by every audit entry this command wrote */
            correlationId: string;
            confirmations: {
                personId: string;
                /** @enum {string} */
                outcome: "accepted" | "refused";
            }[];
        };
        InboundPassenger: {
            /** @description The sending country’s reference for the citizen, not a name */
            passengerId: string;
            /** @description ISO 3166-1 alpha-2 */
            citizenship: string;
            /** @description Why; recorded in the manifest’s history */
            reason?: string;
        };
        ManifestCancellation: {
            reason: string;
        };
        NewPersonFact: {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "nationality";
            /** @description ISO 3166-1 alpha-2 */
            country: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "final_order";
            /** @enum {string} */
            kind: "removal" | "expedited_removal" | "reinstatement";
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "appeal";
            /** @description Whether removal is stayed; default false */
            stay?: boolean;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "stay";
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "tps";
            designation: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "protection";
            /** @enum {string} */
            kind: "withholding" | "cat_withholding" | "cat_deferral";
            /** @description ISO 3166-1 alpha-2 */
            country: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "lawful_status";
            kind: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "citizenship_claim";
            /** @description ISO 3166-1 alpha-2 */
            country: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /** @enum {string} */
            resolution?: "verified" | "rejected";
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            resolvedOn?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "travel_document";
            /** @description ISO 3166-1 alpha-2 */
            country: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            through: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "hold";
            /** @enum {string} */
            kind: "medical" | "legal" | "investigative";
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "custody";
            facility: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "notice";
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            servedOn: string;
            counsel: boolean;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "family";
            group: string;
        };
        PersonFact: {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "nationality";
            /** @description ISO 3166-1 alpha-2 */
            country: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "final_order";
            /** @enum {string} */
            kind: "removal" | "expedited_removal" | "reinstatement";
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "appeal";
            /** @description Whether removal is stayed; default false */
            stay?: boolean;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "stay";
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "tps";
            designation: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "protection";
            /** @enum {string} */
            kind: "withholding" | "cat_withholding" | "cat_deferral";
            /** @description ISO 3166-1 alpha-2 */
            country: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "lawful_status";
            kind: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "citizenship_claim";
            /** @description ISO 3166-1 alpha-2 */
            country: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /** @enum {string} */
            resolution?: "verified" | "rejected";
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            resolvedOn?: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "travel_document";
            /** @description ISO 3166-1 alpha-2 */
            country: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            through: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "hold";
            /** @enum {string} */
            kind: "medical" | "legal" | "investigative";
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "custody";
            facility: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "notice";
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            servedOn: string;
            counsel: boolean;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "family";
            group: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        };
        NewProgramFact: {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "tps_designation";
            designation: string;
            /** @description ISO 3166-1 alpha-2 */
            country: string;
            citation: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "class_order";
            criteria: {
                nationality?: string[];
                facility?: string[];
            };
            citation: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "return_agreement";
            /** @description ISO 3166-1 alpha-2 */
            country: string;
            weeklyCap?: number;
            requiresTravelDocument: boolean;
            /** @enum {string} */
            transport: "sending" | "receiving";
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        };
        ProgramFact: {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "tps_designation";
            designation: string;
            /** @description ISO 3166-1 alpha-2 */
            country: string;
            citation: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "class_order";
            criteria: {
                nationality?: string[];
                facility?: string[];
            };
            citation: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        } | {
            /** @description Unique across all facts, person and programme */
            id: string;
            /** @constant */
            type: "return_agreement";
            /** @description ISO 3166-1 alpha-2 */
            country: string;
            weeklyCap?: number;
            requiresTravelDocument: boolean;
            /** @enum {string} */
            transport: "sending" | "receiving";
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
            /**
             * Format: date-time
             * @description When the fact became known to the system
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description When it was withdrawn as wrong, if it was
             */
            retractedAt?: string;
        };
        WriteSummary: {
            /** @description People added */
            people: number;
            /** @description Facts recorded */
            facts: number;
            /** @description Facts already recorded with the same content */
            unchanged: number;
        };
        RetractionRequest: {
            /** @description Why the fact is withdrawn as wrong */
            reason: string;
        };
        Retraction: {
            /** @description Unique across all facts, person and programme */
            factId: string;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            retractedAt: string;
            reason: string;
        };
        NoticeServing: {
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            servedOn: string;
            /** @description Who was served */
            to: ("person" | "counsel")[];
            /** @description The person has no counsel of record; default false */
            noCounselOfRecord?: boolean;
            language: string;
            /** @enum {string} */
            method: "in_person" | "mail" | "electronic" | "fax" | "via_facility";
        };
        ServedNotice: {
            servingId: string;
            /** @description The `notice` fact recorded now; null when unchanged */
            noticeFact: components["schemas"]["PersonFact"] | null;
            correlationId: string;
        };
        CourtOrderResult: {
            factIds: string[];
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            recordedAt: string;
            /** @description Manifests people were struck from */
            manifests: string[];
            /** @description People struck from manifests not yet departed, with why */
            struck: components["schemas"]["StruckPerson"][];
            correlationId: string;
        };
        CourtOrder: {
            /** @constant */
            type: "stay";
            /** @description Default: a new id */
            id?: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        } | {
            /** @constant */
            type: "appeal";
            /** @description Default: a new id */
            id?: string;
            /** @description Whether the appeal stays removal; default true */
            stay?: boolean;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        } | {
            /** @constant */
            type: "protection";
            /** @description Default: a new id */
            id?: string;
            /** @enum {string} */
            kind: "withholding" | "cat_withholding" | "cat_deferral";
            /** @description ISO 3166-1 alpha-2 */
            country: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        };
        ClassOrder: {
            /** @description Default: a new id */
            id?: string;
            /** @description Who the order covers: everyone matching all the criteria given. At least one, unless `everyone` is true */
            criteria?: {
                nationality?: string[];
                /** @description Registered facility ids, when any facility is registered */
                facility?: string[];
            };
            /** @description The order covers everyone: true with no criteria (recorded as `criteria: {}`); default false */
            everyone?: boolean;
            /** @description The order’s legal citation */
            citation: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description Last day in effect; absent = no end
             */
            through?: string;
        };
        NewPlan: {
            /**
             * Format: date
             * @description First flight date
             */
            from: string;
            /**
             * Format: date
             * @description Last flight date
             */
            to: string;
            /** @description As known at this instant (or by the end of this date, UTC); default: now */
            knownAt?: string;
            /** @description Save draft manifests; default true */
            save?: boolean;
        };
        StorePlan: {
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            to: string;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            knownAt: string;
            /** @description Whether draft manifests were saved */
            saved: boolean;
            flights: {
                id: string;
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                date: string;
                origin: string;
                destination: string;
                /** @description ISO 3166-1 alpha-2 */
                country: string;
                /** @enum {string} */
                suppliedBy: "sending" | "receiving";
                seats: number;
                seatsUsed: number;
                /** @description The draft saved for it; null when unused or not saved */
                manifestId: string | null;
                /** @description Ids of the people assigned */
                people: string[];
            }[];
            /** @description Weekly caps used, per country and week with flights carrying people */
            caps: {
                /** @description ISO 3166-1 alpha-2 */
                country: string;
                /**
                 * Format: date
                 * @description First day of the week
                 */
                week: string;
                /** @description Weekly acceptance cap; null = none */
                cap: number | null;
                used: number;
            }[];
            /** @description Value of the people assigned less their transfer costs */
            objective: number;
            /** @description A proven upper bound on the best objective any plan could reach */
            bound: number;
            /** @description objective / bound: 1 is proven optimal; 1 too when the bound is 0 (nothing could be gained) */
            ratio: number;
            /**
             * @description How the plan was found: MIP (solved to optimality), LP with rounding, the heuristic alone, or nothing to plan
             * @enum {string}
             */
            method: "mip" | "lp-rounding" | "heuristic" | "empty";
            /** @description People considered: in custody in the window and on no open manifest */
            people: number;
            assigned: number;
            unassigned: number;
            /** @description Unassigned people by reason, most frequent first; a person counts under each of theirs */
            unassignedByReason: {
                /** @description A blocker code of the decision or a planner code (spec/plan-instance.md) */
                code: string;
                people: number;
            }[];
        };
        SweepCounts: {
            people: number;
            removable: number;
            /** @description People under each blocker, every code present (a person counts under each of theirs) */
            blockers: {
                [key: string]: number;
            };
        };
        Sweep: {
            people: number;
            removable: number;
            /** @description People under each blocker, every code present (a person counts under each of theirs) */
            blockers: {
                [key: string]: number;
            };
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            on: string;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            knownAt: string;
            /** @description By destination country (?? = none known) */
            byCountry: {
                [key: string]: components["schemas"]["SweepCounts"];
            };
        };
        Timeline: {
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            to: string;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            knownAt: string;
            /** @enum {string} */
            by: "blocker" | "country";
            days: {
                people: number;
                removable: number;
                /** @description People under each blocker, every code present (a person counts under each of theirs) */
                blockers: {
                    [key: string]: number;
                };
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                date: string;
                /** @description With by=country */
                byCountry?: {
                    [key: string]: components["schemas"]["SweepCounts"];
                };
            }[];
        };
        Blocker: {
            /** @enum {string} */
            code: "APPEAL_PENDING" | "CITIZENSHIP_CLAIM" | "CLASS_ORDER" | "HOLD" | "LAWFUL_STATUS" | "NO_FINAL_ORDER" | "NO_RETURN_AGREEMENT" | "NO_TRAVEL_DOCUMENT" | "PROTECTED_FROM_COUNTRY" | "STAY_OF_REMOVAL" | "TPS_PROTECTED";
            /** @description The code in plain English */
            reason: string;
            /** @description Ids of the facts that cause it */
            facts: string[];
            /** @description Last day of the unbroken run from `on`; null = no end */
            until: string | null;
        };
        Decision: {
            personId: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            on: string;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            knownAt: string;
            destination: string | null;
            removable: boolean;
            /** @description Sorted by code */
            blockers: components["schemas"]["Blocker"][];
            /** @description Ids of every final order in effect on `on` */
            basis: string[];
            /** @description First later date on which the answer changes; null = never */
            changesOn: string | null;
        };
        ProfileView: {
            /** @description Whether the fields below are masked for your role */
            masked: boolean;
            /** @description In full, or initials when masked */
            name: string;
            /** @description YYYY-MM-DD in full, or the year alone when masked */
            dateOfBirth: string | null;
            /** @description A123456789 in full, or A******789 when masked */
            aNumber: string | null;
        };
        NewProfile: {
            name: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            dateOfBirth?: string;
            aNumber?: string;
        };
        PeoplePage: {
            people: {
                id: string;
                profile: components["schemas"]["ProfileView"] | null;
            }[];
            /** @description Pass as `after` for the next page; null on the last */
            next: string | null;
        };
        PersonSummary: {
            id: string;
            profile: components["schemas"]["ProfileView"] | null;
            /** @description Facts ever recorded, retracted ones included */
            factCount: number;
            lastRecordedAt: string | null;
        };
        NewPerson: {
            id: string;
            facts: components["schemas"]["NewPersonFact"][];
            profile?: components["schemas"]["NewProfile"];
        };
        CreatedPerson: {
            id: string;
            summary: components["schemas"]["WriteSummary"];
            profileVersion: number | null;
        };
        RecordedProfile: {
            personId: string;
            version: number;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            recordedAt: string;
        };
        PersonFacts: {
            personId: string;
            knownAt: string | null;
            facts: components["schemas"]["PersonFact"][];
        };
        RecordedFacts: {
            /** @description Always 0: people are added with POST /people */
            people: number;
            /** @description Facts recorded */
            facts: number;
            /** @description Facts already recorded with the same content */
            unchanged: number;
            /** @description People struck from manifests not yet departed, with why */
            struck: components["schemas"]["StruckPerson"][];
            correlationId: string;
        };
        PersonRetraction: {
            factId: string;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            retractedAt: string;
            reason: string;
            /** @description People struck from manifests not yet departed, with why */
            struck: components["schemas"]["StruckPerson"][];
        };
        NewPersonFacts: {
            facts: components["schemas"]["NewPersonFact"][];
        };
        ProgramFacts: {
            knownAt: string | null;
            facts: components["schemas"]["ProgramFact"][];
        };
        NewProgramFacts: {
            facts: components["schemas"]["NewProgramFact"][];
        };
        User: {
            id: string;
            username: string;
            displayName: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            createdAt: string;
            disabledAt: string | null;
        };
        NewUser: {
            username: string;
            displayName: string;
            /** @enum {string} */
            role: "officer" | "planner" | "legal" | "supervisor" | "auditor" | "admin";
            password: string;
        };
        Token: {
            id: string;
            userId: string;
            name: string;
            /** @description The first characters of the token, to recognise it */
            prefix: string;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            expiresAt: string;
            revokedAt: string | null;
        };
        Session: {
            user: components["schemas"]["User"];
            /**
             * @description How this request was signed in
             * @enum {string}
             */
            via: "session" | "token";
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            expiresAt: string;
        };
        SignIn: {
            username: string;
            password: string;
        };
        SignedOut: {
            ended: boolean;
        };
        RemovabilityCounts: {
            people: number;
            /** @description People returned on a departed manifest by the date: counted neither as removable nor under a blocker */
            returned: number;
            /** @description Removable and not yet returned */
            removable: number;
            /** @description People under each blocker (a person counts under each of theirs) */
            blockers: {
                [key: string]: number;
            };
        };
        RemovabilityStatistics: {
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            on: string;
            /**
             * Format: date-time
             * @description An instant with offset, e.g. 2025-05-19T16:00:00Z
             */
            knownAt: string;
            countries: {
                people: number;
                /** @description People returned on a departed manifest by the date: counted neither as removable nor under a blocker */
                returned: number;
                /** @description Removable and not yet returned */
                removable: number;
                /** @description People under each blocker (a person counts under each of theirs) */
                blockers: {
                    [key: string]: number;
                };
                /** @description ISO 3166-1 alpha-2, or ?? for no known nationality */
                country: string;
            }[];
            total: components["schemas"]["RemovabilityCounts"];
        };
        Health: {
            /** @constant */
            status: "ok";
            checks: {
                /** @constant */
                database: "up";
            };
        };
        Info: {
            /** @constant */
            name: "repatria";
            version: string;
            description: string;
            documentation: {
                openapi: string;
                interactive: string | null;
            };
        };
        TokenList: {
            tokens: components["schemas"]["Token"][];
        };
        NewToken: {
            /** @description What the token is for */
            name: string;
            /** @description Default 90; at most the server’s limit */
            expiresInDays?: number;
        };
        CreatedToken: {
            /** @description Send as Authorization: Bearer <token>. Shown once. */
            token: string;
            details: components["schemas"]["Token"];
        };
        UserList: {
            users: components["schemas"]["User"][];
        };
        DisableUser: {
            reason: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInfo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Info"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignInInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCurrentSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedOut"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTokens: {
        parameters: {
            query?: {
                /** @description Admins and auditors: every account’s tokens */
                all?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenList"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewTokenInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedToken"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tokenId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Token"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewUserInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    disableUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DisableUserInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPeople: {
        parameters: {
            query?: {
                /** @description The last id of the previous page */
                after?: string;
                /** @description At most 500; default 100 */
                limit?: number;
                /** @description An A-number, as people write it: A012345678, A12345678, 012-345-678 and A 012 345 678 are one number */
                aNumber?: string;
                /** @description Words of the name, in any order, each the start of a word (jose gonz finds José Luis González) */
                name?: string;
                /** @description Auditors: show personal data in full (needs a reason; the read is logged) */
                unmask?: "true" | "false";
                /** @description Why the full record is needed; written to the access log */
                reason?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeoplePage"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPerson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewPersonInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedPerson"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPerson: {
        parameters: {
            query?: {
                /** @description Auditors: show personal data in full (needs a reason; the read is logged) */
                unmask?: "true" | "false";
                /** @description Why the full record is needed; written to the access log */
                reason?: string;
            };
            header?: never;
            path: {
                personId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonSummary"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                personId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewProfileInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordedProfile"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPersonFacts: {
        parameters: {
            query?: {
                /** @description As known at this instant (or by the end of this date, UTC); default: now */
                knownAt?: string;
                /** @description Every fact ever recorded, retracted ones with retractedAt (ignores knownAt) */
                history?: "true" | "false";
            };
            header?: never;
            path: {
                personId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonFacts"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordPersonFacts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                personId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewPersonFactsInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordedFacts"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retractPersonFact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                personId: string;
                factId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetractionRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonRetraction"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDecision: {
        parameters: {
            query?: {
                /** @description Default: today (UTC) */
                on?: string;
                /** @description As known at this instant (or by the end of this date, UTC); default: now */
                knownAt?: string;
                /** @description Default: the first known nationality */
                destination?: string;
            };
            header?: never;
            path: {
                personId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Decision"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listProgramFacts: {
        parameters: {
            query?: {
                /** @description As known at this instant (or by the end of this date, UTC); default: now */
                knownAt?: string;
                /** @description Every record ever made, retracted ones with retractedAt (ignores knownAt) */
                history?: "true" | "false";
                type?: "tps_designation" | "class_order" | "return_agreement";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgramFacts"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordProgramFacts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewProgramFactsInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordedFacts"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retractProgramFact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                factId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetractionRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Retraction"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRemovabilityStatistics: {
        parameters: {
            query?: {
                /** @description Default: today (UTC) */
                on?: string;
                /** @description As known at this instant (or by the end of this date, UTC); default: now */
                knownAt?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RemovabilityStatistics"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSweep: {
        parameters: {
            query?: {
                /** @description Default: today (UTC) */
                on?: string;
                /** @description As known at this instant (or by the end of this date, UTC); default: now */
                knownAt?: string;
                /** @description Only people whose destination is this country (?? = no known nationality) */
                country?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sweep"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTimeline: {
        parameters: {
            query: {
                /** @description A calendar date, YYYY-MM-DD */
                from: string;
                /** @description A calendar date, YYYY-MM-DD */
                to: string;
                /** @description As known at this instant (or by the end of this date, UTC); default: now */
                knownAt?: string;
                /** @description `country`: each day also by destination */
                by?: "blocker" | "country";
                /** @description Only people whose destination is this country (?? = no known nationality) */
                country?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Timeline"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listFlights: {
        parameters: {
            query?: {
                /** @description Departing on or after this date */
                from?: string;
                /** @description Departing on or before this date */
                to?: string;
                /** @description Destination airport */
                destination?: string;
                /** @description ISO 3166-1 alpha-2 */
                destinationCountry?: string;
                /** @description The last id of the previous page */
                after?: string;
                /** @description At most 500; default 100 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlightPage"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    registerFlight: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewFlightInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Flight"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getFlight: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flightId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Flight"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listManifests: {
        parameters: {
            query?: {
                flightId?: string;
                state?: "draft" | "in_review" | "approved" | "boarding" | "departed" | "arrived" | "closed" | "cancelled";
                /** @description The last id of the previous page */
                after?: string;
                /** @description At most 500; default 100 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManifestPage"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createManifest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewManifestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManifestChange"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getManifest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                manifestId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManifestDetail"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPersonManifests: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                personId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonManifests"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addManifestPeople: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                manifestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ManifestAdditionInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManifestChange"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    strikeManifestPerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                manifestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ManifestStrikeInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManifestChange"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitManifest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                manifestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ManifestNoteInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManifestChange"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reviewManifest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                manifestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ManifestReviewInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManifestChange"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    approveManifest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                manifestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ManifestNoteInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManifestChange"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    boardManifest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                manifestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ManifestNoteInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoardingResult"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    departManifest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                manifestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DepartureInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartureResult"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    arriveManifest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                manifestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ArrivalInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArrivalResult"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmArrivals: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                manifestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ArrivalInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArrivalResult"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordInboundPassenger: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                manifestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InboundPassengerInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManifestChange"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    closeManifest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                manifestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ManifestNoteInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManifestChange"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelManifest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                manifestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ManifestCancellationInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManifestChange"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    downloadManifestCsv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                manifestId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    downloadManifestPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                manifestId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPlan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewPlanInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorePlan"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    serveNotice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                personId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoticeServingInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServedNotice"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordCourtOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                personId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CourtOrderInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CourtOrderResult"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordClassOrder: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClassOrderInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CourtOrderResult"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description Read entries after this seq; default 0 */
                after?: number;
                /** @description At most 1000; default 100 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPage"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAccessEvents: {
        parameters: {
            query?: {
                /** @description Read entries after this seq; default 0 */
                after?: number;
                /** @description At most 1000; default 100 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessEventPage"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAuditEntries: {
        parameters: {
            query?: {
                /** @description Read entries after this seq; default 0 */
                after?: number;
                /** @description At most 1000; default 100 */
                limit?: number;
                subject?: string;
                actor?: string;
                what?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEntryPage"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyAuditChain: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerification"];
                };
            };
            /** @description A problem (RFC 9457) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem (RFC 9457) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
