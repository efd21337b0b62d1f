package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.article.Article;
import dev.lede.ingest.IngestOptions;
import dev.lede.ingest.IngestReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash and resume: {@link CrashIngestProcess} ingests Reuters-21578 in another JVM and is killed
 * with SIGKILL at a random moment, again and again. After every kill the folder opens read-only and
 * for writing (the dead writer's lock does not block), CheckIndex finds it clean, every article of
 * the last commit the child reported is there, and no id has two live articles.
 *
 * <p>A round starts from an empty folder and kills 5 to 9 children in a row, each re-running the
 * ingest where the last left off, so the index grows from kill to kill as it would for a user who
 * re-runs a crashed ingest. Kill moments are drawn so that some land while the index is created,
 * during commits, during merges and during close. A round ends with an ingest of the whole file in
 * this JVM, which must add exactly what is missing, find everything committed unchanged, and end
 * with the corpus's 21,577 articles and no duplicates.
 *
 * <p>CI runs 20 kills; {@code -Dlede.crash.kills=200} runs a long one. Every round prints its seed:
 * {@code -Dlede.crash.round=SEED} replays that round alone and {@code -Dlede.crash.seed=N} the
 * whole run. Kills are timed, so a replay lands near, not exactly on, the same instruction.
 */
class CrashResumeTest {
    private static final int VALID_ARTICLES = 21_577;
    private static final int SIGKILLED = 128 + 9;

    @TempDir
    Path tmp;

    private Path reuters;
    private List<String> ids;
    private final Figures figures = new Figures();

    @Test
    void sigkilledIngests_reopenClean_loseNoCommit_andResumeToTheCorpusWithoutDuplicates() throws Exception {
        Path shared = TestFiles.sharedData();
        reuters = shared == null ? null : shared.resolve("reuters21578/articles.jsonl");
        if (reuters == null || !Files.isRegularFile(reuters)) {
            // As the other Reuters suites: CI has ../shared/data; a clone without it says so and skips.
            String why = "skipped: no Reuters-21578 data at "
                    + (reuters == null ? "lede.shared.data (property unset)" : reuters);
            System.out.println("CrashResumeTest " + why);
            Assumptions.abort(why);
        }
        ids = CrashIngestProcess.read(reuters).stream().map(Article::id).toList();
        assertThat(ids).hasSize(VALID_ARTICLES).doesNotHaveDuplicates();

        int target = Integer.getInteger("lede.crash.kills", 20);
        long seed = Long.getLong("lede.crash.seed", System.nanoTime());
        Long replay = Long.getLong("lede.crash.round");
        System.out.println("CrashResumeTest: seed " + seed + ", " + target + " kills");
        long start = System.nanoTime();
        Random rounds = new Random(seed);
        int roundsRun = 0;
        do {
            round(
                    replay != null ? replay : rounds.nextLong(),
                    replay != null ? Integer.MAX_VALUE : target - figures.kills);
            roundsRun++;
            // Each round plans 5 or more kills: a run needing more rounds than kills is stuck.
        } while (replay == null && figures.kills < target && roundsRun < target);
        System.out.println("CrashResumeTest: " + figures.summary(Duration.ofNanos(System.nanoTime() - start)));

        assertThat(figures.problems).isEmpty();
        assertThat(figures.kills).isGreaterThanOrEqualTo(replay == null ? target : 1);
        assertThat(figures.resumes).isPositive();
    }

    /** One round: an empty folder, several killed ingests in a row, then a full resume. */
    private void round(long seed, int maxKills) throws Exception {
        Random random = new Random(seed);
        int kills = Math.min(5 + random.nextInt(5), maxKills);
        Path folder = tmp.resolve("index");
        Set<String> committed = Set.of();
        for (int child = 1, killed = 0; killed < kills && child <= 3 * kills; child++) {
            String tag = "round " + seed + " child " + child;
            KillPlan plan = KillPlan.draw(random, !ArticleIndex.exists(folder));
            ChildIngest run = ChildIngest.start(folder, plan, reuters, tmp.resolve("child.err"));
            int exit = run.killAt(plan);
            String phase = run.phase(plan.fresh());
            if (run.timedOut()) {
                figures.problem(tag + ": the child made no progress for five minutes: " + run.phase(plan.fresh()));
            }
            if (exit == SIGKILLED) {
                killed++;
                figures.kill(plan.mode(), phase);
            } else if (exit == 0) {
                figures.finished++;
            } else {
                figures.unopenable++;
                figures.problem(tag + ": the child failed (exit " + exit + "): " + run.stderr());
            }
            committed = afterChild(folder, run, plan, committed, tag);
            System.out.printf(
                    Locale.ROOT,
                    "CrashResumeTest: %s: %s, %s, %s; %,d articles committed%n",
                    tag,
                    plan,
                    exit == SIGKILLED ? "killed" : "exit " + exit,
                    phase,
                    committed.size());
        }
        resume(folder, "round " + seed + " resume");
        deleteTree(folder);
    }

    /**
     * Checks the folder a child left; gives the ids of its last commit, every one of which must be
     * in every later commit of the round.
     */
    private Set<String> afterChild(Path folder, ChildIngest run, KillPlan plan, Set<String> committed, String tag)
            throws IOException {
        ChildIngest.Durable durable = run.lastDurable();
        if (!ArticleIndex.exists(folder)) {
            if (durable != null || !committed.isEmpty()) {
                figures.problem(tag + ": no index after commit " + durable + " of " + committed.size() + " articles");
                figures.lost += Math.max(committed.size(), durable == null ? 0 : durable.articles());
            }
            openCopy(folder, tag); // the next child re-runs on what this one left
            return committed;
        }
        try (ArticleIndex index = ArticleIndex.openReadOnly(folder, manualRefresh())) {
            index.count();
        } catch (IOException | RuntimeException e) {
            figures.unopenable++;
            figures.problem(tag + ": the index does not open read-only: " + e);
        }
        String damage = IndexOnDisk.problems(folder);
        if (damage != null) {
            figures.corrupt++;
            figures.problem(tag + ": " + damage);
        }
        IndexOnDisk disk = IndexOnDisk.read(folder);
        checkNothingLost(disk, run, plan, committed, tag);
        if (disk.duplicates() > 0) {
            figures.duplicatesAfterKill += disk.duplicates();
            figures.problem(tag + ": " + disk.duplicates() + " duplicate articles");
        }
        try (ArticleIndex index = ArticleIndex.open(folder, manualRefresh())) {
            if (index.count() != disk.articles()) {
                figures.problem(tag + ": " + index.count() + " articles for writing, " + disk.articles() + " on disk");
            }
        } catch (IOException | RuntimeException e) {
            figures.unopenable++;
            figures.problem(tag + ": the index does not open for writing: " + e);
        }
        return disk.ids();
    }

    /** Every id of an earlier commit, of the chunks the child reported and of its last commit is there. */
    private void checkNothingLost(IndexOnDisk disk, ChildIngest run, KillPlan plan, Set<String> committed, String tag) {
        Set<String> required = new HashSet<>(committed);
        required.addAll(ids.subList(0, Math.min(run.lastCommittedChunk() * plan.chunkSize(), ids.size())));
        long missing = required.stream().filter(id -> !disk.ids().contains(id)).count();
        ChildIngest.Durable durable = run.lastDurable();
        if (durable != null) {
            missing = Math.max(missing, durable.articles() - disk.articles());
            if (disk.generation() < durable.generation()) {
                missing = Math.max(missing, 1);
                figures.problem(tag + ": commit " + durable + " reported, commit " + disk.generation() + " found");
            }
        }
        if (missing > 0) {
            figures.lost += missing;
            figures.problem(tag + ": " + missing + " committed articles lost");
        }
    }

    /** Opens a copy of a folder that has no commit yet, as the public API would after the crash. */
    private void openCopy(Path folder, String tag) throws IOException {
        Path copy = tmp.resolve("copy");
        deleteTree(copy);
        Files.createDirectories(copy);
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.copy(file, copy.resolve(file.getFileName()));
                }
            }
        }
        try (ArticleIndex index = ArticleIndex.open(copy, manualRefresh())) {
            index.count();
        } catch (IOException | RuntimeException e) {
            figures.unopenable++;
            figures.problem(tag + ": a folder killed before its first commit does not open: " + e);
        }
        deleteTree(copy);
    }

    /** Re-runs the whole ingest in this JVM: it must add only what is missing, and end complete. */
    private void resume(Path folder, String tag) {
        figures.resumes++;
        long before;
        long after;
        IngestReport report;
        try (ArticleIndex index = ArticleIndex.open(folder, manualRefresh())) {
            before = index.count();
            report = index.ingest(reuters, IngestOptions.defaults().commitInterval(Duration.ofMillis(500)));
            after = index.count();
        } catch (IOException | RuntimeException e) {
            figures.unopenable++;
            figures.problem(tag + " failed: " + e);
            return;
        }
        if (report.added() != VALID_ARTICLES - before || report.unchanged() != before || report.updated() != 0) {
            figures.redone++;
            figures.problem(tag + ": from " + before + " articles: " + report.added() + " added, " + report.updated()
                    + " updated, " + report.unchanged() + " unchanged");
        }
        String damage = IndexOnDisk.problems(folder);
        if (damage != null) {
            figures.corrupt++;
            figures.problem(tag + ": " + damage);
        }
        IndexOnDisk disk;
        try {
            disk = IndexOnDisk.read(folder);
        } catch (IOException e) {
            figures.problem(tag + ": the index cannot be read: " + e);
            return;
        }
        figures.duplicatesAfterResume += disk.duplicates();
        if (after != VALID_ARTICLES
                || disk.articles() != VALID_ARTICLES
                || !disk.ids().containsAll(ids)) {
            figures.problem(tag + ": ended with " + after + " articles (" + disk.articles() + " on disk, "
                    + disk.duplicates() + " duplicates), not " + VALID_ARTICLES);
        }
    }

    private static IndexConfig manualRefresh() {
        return IndexConfig.defaults().refreshInterval(Duration.ZERO);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The run's figures, and every problem found, with the round and child it was found in. */
    private static final class Figures {
        int kills;
        int finished;
        int unopenable;
        int corrupt;
        int resumes;
        int redone;
        long lost;
        long duplicatesAfterKill;
        long duplicatesAfterResume;
        final Map<String, Integer> byMode = new TreeMap<>();
        final Map<String, Integer> byPhase = new TreeMap<>();
        final List<String> problems = new ArrayList<>();

        void kill(String mode, String phase) {
            kills++;
            byMode.merge(mode, 1, Integer::sum);
            byPhase.merge(phase, 1, Integer::sum);
        }

        void problem(String what) {
            problems.add(what);
            System.out.println("CrashResumeTest: PROBLEM " + what);
        }

        String summary(Duration took) {
            return String.format(
                    Locale.ROOT,
                    "%d kills (by path %s; by phase %s), %d children finished before their kill, %d failures to"
                            + " open or resume, %d corrupt indexes, %d committed articles lost, %d duplicates after kills, %d"
                            + " duplicates after resume, %d resumes (%d redid committed work), %d problems, %d s",
                    kills,
                    byMode,
                    byPhase,
                    finished,
                    unopenable,
                    corrupt,
                    lost,
                    duplicatesAfterKill,
                    duplicatesAfterResume,
                    resumes,
                    redone,
                    problems.size(),
                    took.toSeconds());
        }
    }
}
