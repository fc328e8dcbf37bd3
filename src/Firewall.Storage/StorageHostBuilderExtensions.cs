using Firewall.Storage.Data;
using Firewall.Storage.Reading;
using Firewall.Storage.Retention;
using Firewall.Storage.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Firewall.Storage;

public static class StorageHostBuilderExtensions
{
    public const string ConnectionStringName = "Firewall";

    /// <summary>Adds the event store: options, a pooled DbContext factory, the writer, the reader and the hosted service that migrates and runs the batch writer.</summary>
    public static IHostApplicationBuilder AddFirewallStorage(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        var provider = builder.Configuration.GetSection(StorageOptions.Section).GetValue<StoreProvider?>(nameof(StorageOptions.Provider)) ?? StoreProvider.Sqlite;
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName) ?? DefaultConnectionString(builder, provider);
        services.AddPooledDbContextFactory<FirewallDbContext>(o => o.UseFirewallStore(provider, connectionString));

        services.AddSingleton<WriteQueue>();
        services.AddSingleton<IEventWriter>(sp => sp.GetRequiredService<WriteQueue>());
        services.AddSingleton<IEventInsert>(provider == StoreProvider.Postgres ? new PostgresEventInsert() : new SqliteEventInsert());
        services.AddSingleton<IWriteQueueStatus>(sp => sp.GetRequiredService<WriteQueue>());
        services.TryAddSingleton<IStoreMetrics, NoStoreMetrics>();
        services.AddSingleton<BatchCommitter>();
        services.AddSingleton<BatchProcessor>();
        services.AddSingleton<StoreDeadline>();
        services.AddSingleton<IEventReader, EventReader>();
        services.AddHostedService<StoreHostedService>();

        // After StoreHostedService: hosted services start in order, so maintenance first runs on a migrated schema.
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IStoreMaintenance>(sp => provider == StoreProvider.Postgres
            ? ActivatorUtilities.CreateInstance<PostgresMaintenance>(sp)
            : ActivatorUtilities.CreateInstance<SqliteMaintenance>(sp));
        services.AddHostedService<StoreMaintenanceService>();
        return builder;
    }

    private static string DefaultConnectionString(IHostApplicationBuilder builder, StoreProvider provider)
    {
        if (provider != StoreProvider.Sqlite)
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is required when {StorageOptions.Section}:Provider is {provider}.");
        }

        var dataPath = DataPath.Resolve(builder.Configuration, builder.Environment);
        Directory.CreateDirectory(dataPath);
        return $"Data Source={Path.Combine(dataPath, "firewall.db")}";
    }
}
