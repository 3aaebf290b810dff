// `hssk_audit` is append-only: an entry is written once, by the app server, and never changed
// or deleted, not even by an administrator (CouchDB runs this for admins too; only design
// documents escape it, and those are provisioning's).
export default function (newDoc, oldDoc) {
	if (oldDoc) throw { forbidden: 'audit entries are never changed' };
	if (newDoc._deleted) throw { forbidden: 'audit entries are never deleted' };
	if (newDoc.type !== 'audit' || newDoc._id.indexOf('audit:') !== 0) {
		throw { forbidden: 'only audit entries belong here' };
	}
}
