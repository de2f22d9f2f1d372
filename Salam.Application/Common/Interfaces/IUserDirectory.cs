using Salam.Domain.People;

namespace Salam.Application.Common.Interfaces;

/// <summary>Sign-in accounts (kept by Identity, outside the domain): names for timelines, and facilitators and their centres.</summary>
public interface IUserDirectory
{
    Task<IReadOnlyDictionary<int, string>> NamesAsync(IReadOnlyCollection<int> userIds, CancellationToken cancellationToken);

    /// <summary>The staff account with this id, whatever its role, or null.</summary>
    Task<StaffAccount?> FindAsync(int userId, CancellationToken cancellationToken);

    /// <summary>The facilitators working in a province (all of them when <paramref name="provinceId"/> is null), by name.</summary>
    Task<IReadOnlyList<StaffAccount>> FacilitatorsAsync(int? provinceId, CancellationToken cancellationToken);

    /// <summary>
    /// Puts a facilitator at a centre (or at none, staying in <paramref name="provinceId"/>) and renews their security stamp,
    /// so the sign-in that still carries the old centre as its scope stops being accepted.
    /// </summary>
    Task AssignCentreAsync(int userId, int? centreId, int? provinceId, CancellationToken cancellationToken);

    /// <summary>
    /// The enabled staff accounts with an e-mail address that the audience names (an agency's managers, a centre's
    /// facilitators), with their language: who a staff message is written to. Read through the request's own context, so
    /// the messages it queues are saved with the change that causes them.
    /// </summary>
    Task<IReadOnlyList<StaffRecipient>> RecipientsAsync(StaffAudience audience, CancellationToken cancellationToken);
}

/// <summary>Staff of one role, narrowed to an agency, a centre or a province when given.</summary>
public sealed record StaffAudience(Role Role, int? AgencyId = null, int? CentreId = null, int? ProvinceId = null);

public sealed record StaffRecipient(int UserId, string FullName, string Email, string Language);

/// <summary>A staff account as the application sees it. A facilitator's province is their centre's, or the one they were left in.</summary>
public sealed record StaffAccount(int Id, string FullName, string UserName, Role Role, int? CentreId, int? ProvinceId);
