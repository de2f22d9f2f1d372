using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Infrastructure.Persistence;

namespace Salam.Infrastructure.Identity;

/// <summary>Reads account names from the Identity tables.</summary>
public sealed class UserDirectory(SalamDbContext db) : IUserDirectory
{
    public async Task<IReadOnlyDictionary<int, string>> NamesAsync(IReadOnlyCollection<int> userIds, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
}
