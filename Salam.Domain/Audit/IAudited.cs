namespace Salam.Domain.Audit;

/// <summary>
/// An entity whose every save is written to the audit log, like the geography, people and accounts are: the count's
/// trail (a round's close and publication, its count record and recounts, paper batches). Kind is what the log calls it.
/// </summary>
public interface IAudited
{
    string AuditKind => GetType().Name;
}
