namespace Salam.Application.Common.Interfaces;

/// <summary>Names of sign-in accounts (kept by Identity, outside the domain), for timelines that say who did what.</summary>
public interface IUserDirectory
{
    Task<IReadOnlyDictionary<int, string>> NamesAsync(IReadOnlyCollection<int> userIds, CancellationToken cancellationToken);
}
