package io.skymarshal.testkit.airline;

import io.skymarshal.airline.Aircraft;
import io.skymarshal.airline.MelCategory;
import io.skymarshal.airline.MelItem;
import io.skymarshal.airline.WorkOrder;
import io.skymarshal.airline.rules.MelRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Gives the fleet its open maintenance: about a third of the aircraft carry one or two MEL items,
 * a fifth of those items close to expiry (6 to 24 hours left at the start of the day, so the
 * aircraft may go AOG during it); some aircraft have work orders, some of which ground them if
 * overdue. No item has expired at the start of the day.
 */
final class MaintenanceBuilder {
  private static final List<String> DEFECTS = List.of("Hydraulic system 2 low-pressure caution",
      "APU inoperative", "Weather radar channel B failed", "Cabin pressure controller 1 fault",
      "Fuel quantity indication tank 3", "Lavatory smoke detector aft", "Galley chiller inoperative",
      "Thrust reverser engine 2 locked out", "Anti-ice valve wing left", "IFE system zone C");
  private static final List<String> RESTRICTIONS = List.of("no ETOPS", "no flight into known icing",
      "max FL310", "ground power and air required", "reverser credit not allowed on wet runways");
  private static final double[] CATEGORY_WEIGHTS = {0.10, 0.35, 0.40, 0.15};

  private final Random random;
  private final MelRules rules;
  private int nextItem = 1;
  private int nextOrder = 1;
  final List<Aircraft> aircraft = new ArrayList<>();

  MaintenanceBuilder(Random random, MelRules rules) {
    this.random = random;
    this.rules = rules;
  }

  MaintenanceBuilder equip(Map<String, FleetType> fleet, String hub, Instant dayStart) {
    fleet.forEach((registration, type) -> {
      List<MelItem> items = new ArrayList<>();
      if (random.nextDouble() < 0.35) {
        int n = 1 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
          items.add(item(dayStart));
        }
      }
      List<WorkOrder> orders = new ArrayList<>();
      if (random.nextDouble() < 0.15) {
        orders.add(new WorkOrder(String.format("WO%06d", nextOrder++), "Scheduled check: " + DEFECTS.get(
            random.nextInt(DEFECTS.size())), dayStart.plus(Duration.ofHours(24 + random.nextInt(96))),
            Duration.ofHours(2 + random.nextInt(11)), random.nextBoolean()));
      }
      aircraft.add(new Aircraft(registration, type.code, hub, type.seats, items, orders));
    });
    return this;
  }

  private MelItem item(Instant dayStart) {
    MelCategory category = category();
    Duration stated = category == MelCategory.A ? Duration.ofHours(24 + 12L * random.nextInt(5)) : null;
    String restriction = random.nextDouble() < 0.3 ? RESTRICTIONS.get(random.nextInt(RESTRICTIONS.size())) : "";
    String id = String.format("MEL-%05d", nextItem++);
    String defect = DEFECTS.get(random.nextInt(DEFECTS.size()));
    Duration interval = rules.repairInterval(new MelItem(id, category, defect, dayStart, stated, restriction));
    Duration left = random.nextDouble() < 0.2
        ? Duration.ofMinutes(360 + random.nextInt(18 * 60))
        : Duration.ofSeconds((long) (interval.toSeconds() * (0.1 + 0.9 * random.nextDouble())));
    if (left.compareTo(interval) > 0) {
      left = interval;
    }
    Instant raised = dayStart.plus(left).minus(interval);
    return new MelItem(id, category, defect, raised, stated, restriction);
  }

  private MelCategory category() {
    double x = random.nextDouble();
    for (int i = 0; i < CATEGORY_WEIGHTS.length; i++) {
      x -= CATEGORY_WEIGHTS[i];
      if (x < 0) {
        return MelCategory.values()[i];
      }
    }
    return MelCategory.D;
  }
}
