using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Salam.Application.Common.Interfaces;
using Salam.Infrastructure.Identity;
using Salam.Infrastructure.Jobs;
using Salam.Infrastructure.Notifications;
using Salam.Infrastructure.Notifications.Email;
using Salam.Infrastructure.Notifications.Http;
using Salam.Infrastructure.Persistence;
using Salam.Infrastructure.Persistence.Seeding;
using Salam.Infrastructure.Reports;
using Salam.Infrastructure.Sms;

namespace Salam.Infrastructure;

public static class DependencyInjection
{
    /// <summary>The database of the configured provider, Identity, notifications (SMS and e-mail), Hangfire on the matching storage, and the clock.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<OneTimeCodeOptions>(configuration.GetSection(OneTimeCodeOptions.Section));
        services.Configure<StaffSignInOptions>(configuration.GetSection(StaffSignInOptions.Section));
        services.Configure<Application.Duties.Queries.GetEscalations.DutyOptions>(configuration.GetSection(Application.Duties.Queries.GetEscalations.DutyOptions.Section));
        services.AddSingleton(TimeProvider.System);

        switch (database.Provider)
        {
            case DatabaseProvider.SqlServer:
            {
                var connection = ServerConnection(configuration, "SqlServer");
                services.AddDbContextPool<SqlServerSalamDbContext>(o => o.UseSqlServer(connection).AddInterceptors(new RollupMarker()));
                services.AddScoped<SalamDbContext>(sp => sp.GetRequiredService<SqlServerSalamDbContext>().AuditedAs(sp.GetService<ICurrentUser>(), sp.GetRequiredService<TimeProvider>()));
                services.AddSingleton<JobStorage>(_ => new SqlServerStorage(connection, new SqlServerStorageOptions { PrepareSchemaIfNecessary = true }));
                break;
            }
            case DatabaseProvider.PostgreSql:
            {
                var connection = ServerConnection(configuration, "PostgreSql");
                services.AddDbContextPool<PostgreSqlSalamDbContext>(o => o.UseNpgsql(connection).AddInterceptors(new RollupMarker()));
                services.AddScoped<SalamDbContext>(sp => sp.GetRequiredService<PostgreSqlSalamDbContext>().AuditedAs(sp.GetService<ICurrentUser>(), sp.GetRequiredService<TimeProvider>()));
                // Hangfire keeps its own tables in the schema "hangfire" of the same database; every node's server shares them.
                services.AddSingleton<JobStorage>(_ =>
                {
                    var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true, SchemaName = "hangfire" };
                    return new PostgreSqlStorage(new NpgsqlConnectionFactory(connection, options), options);
                });
                break;
            }
            default:
            {
                // A relative path is taken from the content root; the start creates the file only when allowed (see DatabaseInitializer).
                var file = new SqliteDatabaseFile(configuration.GetConnectionString("Sqlite") ?? "Data Source=data/salam.db", environment.ContentRootPath);
                services.AddSingleton(file);
                services.AddDbContextPool<SqliteSalamDbContext>(o => o.UseSqlite(file.ConnectionString).AddInterceptors(new SqlitePragmas(), new RollupMarker()));
                services.AddScoped<SalamDbContext>(sp => sp.GetRequiredService<SqliteSalamDbContext>().AuditedAs(sp.GetService<ICurrentUser>(), sp.GetRequiredService<TimeProvider>()));
                // One process owns a SQLite file, and every job recomputes from the database, so in-memory job storage loses nothing on restart.
                services.AddSingleton<JobStorage>(_ => new InMemoryStorage(new InMemoryStorageOptions()));
                break;
            }
        }
        services.AddScoped<ISalamDbContext>(sp => sp.GetRequiredService<SalamDbContext>());
        services.AddSingleton<StartedDatabase>();
        // The start decides by environment whether to seed, refuse demo accounts, or create a missing file.
        services.TryAddSingleton(environment);
        // The storage is this host's own singleton (registered above), not Hangfire's process-wide JobStorage.Current,
        // so two hosts in one process (tests, or a worker beside the web app) never share or dispose each other's.
        services.AddHangfire(h => h.UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings());
        if (configuration.GetValue("Hangfire:Server", true))
        {
            services.AddHangfireServer(o => o.WorkerCount = Math.Max(2, Environment.ProcessorCount));
            services.AddHostedService<RecurringJobsRegistration>();
        }
        services.AddScoped<CloseDueRoundsJob>();
        services.AddScoped<FlagOverdueDutiesJob>();
        services.AddScoped<NotificationRemindersJob>();
        services.AddScoped<RollupJob>();
        services.AddScoped<IRollupEngine, RollupEngine>();
        services.AddSingleton<Application.Common.Interfaces.IPhotoProcessor, Photos.SkiaPhotoProcessor>();

        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        var passwordRules = (configuration.GetSection(PasswordRuleOptions.Section).Get<PasswordRuleOptions>() ?? new PasswordRuleOptions()).Checked();
        services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                // Length over composition (NIST SP 800-63B): PasswordRules checks length, the user name and common passwords.
                o.Password.RequiredLength = passwordRules.MinimumLength;
                o.Password.RequireDigit = o.Password.RequireLowercase = o.Password.RequireUppercase = o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                // Asks EnabledAccountConfirmation before every sign-in: a disabled account is NotAllowed.
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddSignInManager()
            // The authenticator (TOTP) provider for staff two-factor sign-in, beside the default token providers.
            .AddDefaultTokenProviders()
            .AddEntityFrameworkStores<SalamDbContext>()
            .AddClaimsPrincipalFactory<SalamClaimsPrincipalFactory>()
            .AddUserConfirmation<EnabledAccountConfirmation>()
            .AddErrorDescriber<TranslatedIdentityErrors>();
        // Identity's own validator would say "too short" a second time, in English: the rules replace it.
        services.RemoveAll<IPasswordValidator<ApplicationUser>>();
        services.AddSingleton(passwordRules);
        services.AddScoped<IPasswordValidator<ApplicationUser>, PasswordRules>();
        // Registered after AddSignInManager's default, so the cookie handler's validator is this one (see its summary).
        services.AddScoped<ISecurityStampValidator, ScopeStampValidator>();
        services.AddDataProtection().PersistKeysToDbContext<SalamDbContext>().SetApplicationName("Salam");
        services.AddScoped<OneTimeCodes>();
        services.AddScoped<ResidentAccounts>();
        services.AddScoped<IResidentAccounts, ResidentAccountDetails>();
        services.AddScoped<IMobileVerification, MobileVerification>();
        services.AddScoped<SelfRegistration>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<IStaffAccounts, StaffAccounts>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<DemoAccountCheck>();

        services.AddNotifications(configuration, environment);
        return services;
    }

    /// <summary>
    /// The outbox's drainer, its job and save trigger, and the providers: Notifications:Sms:Provider (Development | Http | None)
    /// and Notifications:Email:Provider (Development | Smtp | None), the development outbox by default in Development and
    /// None elsewhere (messages wait, Pending, for a provider). Sign-in codes go through the same SMS gateway at once.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Notifications");
        services.AddOptions<OutboxOptions>().Bind(section.GetSection("Outbox"))
            .Validate(o => o.IsValid, "Notifications:Outbox has a setting out of range (BatchSize 1-5000, Parallelism 1-256, DailyCapPerNumber > 0, LeaseSeconds >= 10, quiet hours 0-23, KeepDays >= 7, StalledAfterMinutes >= 1).");
        var fallback = environment.IsDevelopment() ? MessageProvider.Development : MessageProvider.None;
        var sms = section.GetValue("Sms:Provider", fallback);
        var email = section.GetValue("Email:Provider", fallback);
        if (!environment.IsDevelopment() && (sms == MessageProvider.Development || email == MessageProvider.Development))
            throw new InvalidOperationException("The development outbox sends nothing and exists only in Development: set Notifications:Sms:Provider to Http and Notifications:Email:Provider to Smtp (or None).");

        // The development outbox (the log and /dev/sms) exists in Development only, whatever the providers.
        if (environment.IsDevelopment()) services.AddSingleton<DevelopmentSmsSender>();
        switch (sms)
        {
            case MessageProvider.Development: services.AddSingleton<ISmsGateway>(sp => sp.GetRequiredService<DevelopmentSmsSender>()); break;
            case MessageProvider.Http: services.AddHttpSmsGateway(section.GetSection("Sms:Http")); break;
            case MessageProvider.None: break;
            default: throw new InvalidOperationException($"Notifications:Sms:Provider {sms} is not an SMS provider (Development, Http or None).");
        }
        switch (email)
        {
            case MessageProvider.Development: services.AddSingleton<IEmailGateway, DevelopmentEmailGateway>(); break;
            case MessageProvider.Smtp: services.AddSmtpEmailGateway(section.GetSection("Email:Smtp")); break;
            case MessageProvider.None: break;
            default: throw new InvalidOperationException($"Notifications:Email:Provider {email} is not an e-mail provider (Development, Smtp or None).");
        }
        // With no SMS provider a sign-in code is refused loudly rather than pretended sent.
        if (sms == MessageProvider.None) services.AddSingleton<ISmsSender, UnconfiguredSmsSender>();
        else services.AddSingleton<ISmsSender, ImmediateSmsSender>();

        services.AddSingleton<OutboxDrainSignal>();
        services.AddSingleton<OutboxSaveTrigger>();
        services.ConfigureDbContext<SqliteSalamDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<OutboxSaveTrigger>()));
        services.ConfigureDbContext<PostgreSqlSalamDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<OutboxSaveTrigger>()));
        services.ConfigureDbContext<SqlServerSalamDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<OutboxSaveTrigger>()));
        services.AddScoped<OutboxDrainer>();
        services.AddScoped<OutboxDrainJob>();
        services.AddScoped<OutboxRetention>();
        services.AddScoped<OutboxRetentionJob>();
        return services;
    }

    private static string ServerConnection(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } connection
            ? connection
            : throw new InvalidOperationException($"ConnectionStrings:{name} is required when Database:Provider is {name} (environment variable ConnectionStrings__{name}).");
}
