using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Salam.Infrastructure.Persistence;

/// <summary>
/// Per-connection SQLite settings. In WAL mode, synchronous=NORMAL still keeps every committed transaction when the
/// process is killed (only an OS crash or power loss can drop the last few), and saves an fsync per commit.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
