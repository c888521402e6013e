// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {PoolMath} from "./PoolMath.sol";
import {
    BPS,
    Config,
    EmergencyReason,
    MAX_CAPACITY,
    MAX_REWARD_PER_GAS,
    MAX_SLOTS,
    STAKE_UNIT,
    StakerInfo,
    StakerStatus
} from "./PoolTypes.sol";
import {ProverTable} from "./ProverTable.sol";

/// @title ProverPool
/// @notice Abstract base of the core (BlockProtocol): stakers, the 32 active slots, weighted selection,
/// eviction by standing weight, R/C changes, exits, withdrawals, slashing, health, the dynamic minimums
/// and the config (bounded, versioned). See docs/contracts.md for every rule and decision.
abstract contract ProverPool is ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using ProverTable for uint256[45];

    // ---------------------------------------------------------------------------------------------
    // Constants
    // ---------------------------------------------------------------------------------------------

    /// @notice Largest stake in whole TKO (`stakeUnits` is a uint32).
    uint256 internal constant MAX_STAKE_UNITS = type(uint32).max;
    /// @notice Largest exact stake: `amount / 1e18 <= 2^32 - 1`.
    uint256 internal constant MAX_STAKE = (MAX_STAKE_UNITS + 1) * STAKE_UNIT - 1;
    /// @notice Largest starting average proof delay (uint48 milliseconds).
    uint256 internal constant MAX_AVG_PROOF_DELAY_MS = type(uint48).max;

    uint256 private constant DAY = 1 days;
    uint256 private constant U24 = type(uint24).max;
    uint256 private constant U32 = type(uint32).max;

    /// @dev Number of `Config` fields (30 static words in memory, storage and the ABI).
    uint256 internal constant CONFIG_FIELDS = 30;
    /// @dev Indices past the `Config` fields that `ProverPoolConfigInvalid` uses for constructor arguments.
    uint256 internal constant FIELD_TOKEN = 30;
    uint256 internal constant FIELD_INITIAL_FEE = 31;
    uint256 internal constant FIELD_INITIAL_DELAY = 32;
    uint256 internal constant FIELD_VERIFIER = 33;

    // ---------------------------------------------------------------------------------------------
    // Storage
    // ---------------------------------------------------------------------------------------------

    /// @dev Pool word A, read and written by every proposal and proof:
    /// bits   0..63  feePerGas        uint64 (F, wei per gas)
    /// bits  64..111 avgProofDelayMs  uint48 (milliseconds)
    /// bits 112..151 nextBlockId      uint40 (ids start at 1)
    /// bits 152..183 backlog          uint32 (proposed, not yet proven)
    /// bits 184..215 openBlocks       uint32 (unproven open blocks)
    /// bits 216..223 emergencyReason  uint8 (None = off)
    /// bits 224..247 configVersion    uint24 (the config in force; blocks keep the one of their proposal)
    /// bits 248..255 owing            uint8 (1 while some reward is owed: then `_totalOwed` is read)
    uint256 internal _state;

    /// @dev Funds word B: bits 0..127 treasury | bits 128..255 Σ claimable rewards.
    uint256 internal _funds;

    /// @dev Slots word C: bits 0..159 the ProverTable data contract (0 before the first stake) |
    /// bits 160..191 occupied (bit i = slot i holds a prover) | bits 192..223 exitDay (timestamp / 86400) |
    /// bits 224..255 exitsToday (voluntary exits counted on exitDay).
    uint256 internal _slots;

    /// @dev Byte i (bits 8i..8i+7) = current capacity of slot i (changes on every proposal and proof).
    uint256 internal _currentCapacities;

    /// @dev bits 0..127 Σ active stake | bits 128..255 Σ queued exit amounts (for `accountedBalance`).
    uint256 internal _totals;

    /// @dev Σ owed rewards (read only while `owing`).
    uint256 internal _totalOwed;

    /// @dev The config in force, as given (30 words), returned by `config()`; cold paths read it.
    Config internal _config;
    /// @dev A scheduled config and when it may apply (`_pendingConfigAt == 0`: nothing scheduled).
    Config internal _pendingConfig;
    uint256 internal _pendingConfigAt;

    /// @dev Config word read by every proposal:
    /// bits 0..15 rewardFloorBps | 16..31 rewardCapBps | 32..55 targetBacklog (u24) | 56..63 baseMinCapacity |
    /// 64..159 baseMinStake (u96) | 160..191 congestionBacklog | 192..223 maxOpenBlocks | 224..255 minGasPerBlock
    uint256 internal _cfgHot;
    /// @dev Config word read by every proof:
    /// bits 0..31 feeSmoothing | 32..63 delaySmoothing | 64..95 batchingBacklog | 96..127 batchDivisor |
    /// 128..135 maxBatchSize | 136..143 minAvailableProvers
    uint256 internal _cfgProof;
    /// @dev The rates each config version fixes for the blocks proposed under it (Revision 2.1):
    /// bits 0..15 openRewardBps | 16..31 perfBonusFastBps | 32..47 perfBonusBps | 48..63 stabilizationBonusBps |
    /// 64..79 slashBps | 80..87 minSlashRewardMultiple | 88..103 proofWindowMultiplier |
    /// 104..135 minProofWindow | 136..167 maxProofWindow
    mapping(uint256 version => uint256) internal _ratesOf;

    /// @dev One staker (3 words; the compiler packs them in this order).
    /// word 0: stake u96 | rewardPerGas u64 | maxCapacity u8 | slot u8 (1-based, 0 = not active) | status u8 |
    ///         id u32 (1-based position in `_stakerList`, 0 = never staked) | heldBack u16
    /// word 1: exitAmount u128 | exitUnlocksAt u40 | lastCapacityChangeAt u40 | lastRewardChangeAt u40
    /// word 2: deposited u128 | slashed u128
    /// `rewardPerGas` and `maxCapacity` are kept after leaving the active list for display.
    /// `heldBack`: the prover's unproven assigned blocks that its slot's current capacity does not show —
    /// all of them while it holds no slot, the part above a lowered capacity while it does. So the prover's
    /// outstanding blocks are always `(slot ? maxCapacity - currentCapacity : 0) + heldBack`, and its current
    /// capacity is `max(0, maxCapacity - outstanding)`: it never holds more blocks than it said it could
    /// when they were assigned (docs/contracts.md, "Capacity accounting").
    struct Staker {
        uint96 stake;
        uint64 rewardPerGas;
        uint8 maxCapacity;
        uint8 slot;
        StakerStatus status;
        uint32 id;
        uint16 heldBack;
        uint128 exitAmount;
        uint40 exitUnlocksAt;
        uint40 lastCapacityChangeAt;
        uint40 lastRewardChangeAt;
        uint128 deposited;
        uint128 slashed;
    }

    /// @notice The staked token (TKO).
    IERC20 public immutable token;

    mapping(address prover => Staker) internal _stakers;
    /// @dev Every address that ever staked, in first-stake order; a staker's id is its index + 1.
    address[] internal _stakerList;
    /// @dev Per address: bits 0..127 claimable rewards | bits 128..255 owed rewards.
    mapping(address prover => uint256) internal _rewardAccounts;

    /// @dev Pool word A in memory.
    struct State {
        uint256 feePerGas;
        uint256 avgProofDelayMs;
        uint256 nextBlockId;
        uint256 backlog;
        uint256 openBlocks;
        EmergencyReason emergencyReason;
        uint256 configVersion;
        bool owing;
    }

    // ---------------------------------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------------------------------

    /// @notice A prover joined the active list or topped up its stake.
    /// @param prover The staker.
    /// @param amount Wei added by this call.
    /// @param totalStake Active stake after the call (exact wei).
    /// @param rewardPerGas The prover's R.
    /// @param capacity The prover's stated (max) capacity.
    /// @param slot 1-based active slot.
    event Staked(
        address indexed prover, uint256 amount, uint256 totalStake, uint256 rewardPerGas, uint256 capacity, uint256 slot
    );

    /// @notice `prover` was pushed out of the active list by a better stake from `by`; its stake is queued.
    /// @param prover The evicted prover.
    /// @param by The newcomer that took the slot.
    /// @param amount Stake moved to the exit queue (wei).
    /// @param unlocksAt When the queued amount can be withdrawn.
    event Evicted(address indexed prover, address indexed by, uint256 amount, uint256 unlocksAt);

    /// @notice `prover` left the active list voluntarily; its stake is queued.
    /// @param prover The exiting prover.
    /// @param amount Stake moved to the exit queue (wei).
    /// @param unlocksAt When the queued amount (merged with any earlier one) can be withdrawn.
    event ExitRequested(address indexed prover, uint256 amount, uint256 unlocksAt);

    /// @notice `prover` withdrew its queued stake.
    /// @param prover The withdrawing staker.
    /// @param amount Wei paid out.
    event Withdrawn(address indexed prover, uint256 amount);

    /// @notice `prover` was slashed for missing the window of `blockId`.
    /// @param prover The assigned prover of the block.
    /// @param blockId The late block.
    /// @param amount Wei moved to the treasury (may be 0 when nothing was left to slash).
    /// @param remainingStake What is left of the slashed balance (active stake, or queued exit amount).
    event Slashed(address indexed prover, uint256 indexed blockId, uint256 amount, uint256 remainingStake);

    /// @notice An active prover changed its expected reward per gas.
    /// @param prover The prover.
    /// @param oldRewardPerGas Previous R.
    /// @param newRewardPerGas New R.
    event RewardPerGasChanged(address indexed prover, uint256 oldRewardPerGas, uint256 newRewardPerGas);

    /// @notice An active prover changed its stated (max) capacity.
    /// @param prover The prover.
    /// @param oldCapacity Previous max capacity.
    /// @param newCapacity New max capacity.
    event CapacityChanged(address indexed prover, uint256 oldCapacity, uint256 newCapacity);

    /// @notice A config is in force from now on (at deployment, version 1, and at each `applyConfig`).
    /// @param version The new config version (blocks proposed from now on keep its rates).
    /// @param config The config.
    event ConfigUpdated(uint256 indexed version, Config config);

    /// @notice The owner scheduled `config`; anyone may apply it from `activatesAt` on.
    /// @param config The scheduled config (validated).
    /// @param activatesAt The earliest time `applyConfig` installs it.
    event ConfigScheduled(Config config, uint256 activatesAt);

    /// @notice The owner cancelled the scheduled config that would have applied at `activatesAt`.
    /// @param activatesAt When it would have applied.
    event ConfigCancelled(uint256 activatesAt);

    // ---------------------------------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------------------------------

    /// @notice An amount of zero was given.
    error ProverPoolZeroAmount();
    /// @notice A top-up must restate the prover's current R and capacity.
    /// @param currentRewardPerGas The prover's R.
    /// @param currentCapacity The prover's stated (max) capacity.
    error ProverPoolParametersDiffer(uint256 currentRewardPerGas, uint256 currentCapacity);
    /// @notice R must lie in `[min, max]` around the current F.
    error ProverPoolRewardPerGasOutOfRange(uint256 rewardPerGas, uint256 min, uint256 max);
    /// @notice Capacity must lie in `[min, max]` (min is the dynamic minimum capacity, max 255).
    error ProverPoolCapacityOutOfRange(uint256 capacity, uint256 min, uint256 max);
    /// @notice The stake (whole TKO counted) is below the dynamic minimum.
    error ProverPoolStakeTooLow(uint256 stake, uint256 minStake);
    /// @notice The stake exceeds the largest storable stake (`(2^32) * 1e18 - 1` wei).
    error ProverPoolStakeTooHigh(uint256 stake, uint256 max);
    /// @notice The active list is full and the newcomer's weight does not beat the lowest standing weight.
    /// Shortfall = `lowestWeight - weight + 1`.
    error ProverPoolWeightTooLow(uint256 weight, uint256 lowestWeight);
    /// @notice `prover` holds no active slot.
    error ProverPoolNotActive(address prover);
    /// @notice The R (or C) change cooldown has not passed.
    error ProverPoolCooldownActive(uint256 availableAt, uint256 now);
    /// @notice The daily limit of voluntary exits is reached.
    error ProverPoolExitLimitReached(uint256 exitsToday, uint256 maxExitsPerDay, uint256 resetsAt);
    /// @notice Nothing is queued for withdrawal.
    error ProverPoolNothingToWithdraw();
    /// @notice The queued amount is still locked.
    error ProverPoolExitLocked(uint256 unlocksAt, uint256 now);
    /// @notice A config field (index in `Config` order; 30… are constructor arguments: token, initial
    /// fee per gas, initial average delay, verifier) is outside its bounds `[min, max]`.
    error ProverPoolConfigInvalid(uint256 field, uint256 value, uint256 min, uint256 max);

    // ---------------------------------------------------------------------------------------------
    // Construction and config
    // ---------------------------------------------------------------------------------------------

    constructor(address token_, Config memory config_, uint256 initialFeePerGas, uint256 initialAvgProofDelayMs) {
        _checkConfig(config_);
        if (token_ == address(0)) revert ProverPoolConfigInvalid(FIELD_TOKEN, 0, 1, type(uint160).max);
        if (initialFeePerGas == 0 || initialFeePerGas > MAX_REWARD_PER_GAS) {
            revert ProverPoolConfigInvalid(FIELD_INITIAL_FEE, initialFeePerGas, 1, MAX_REWARD_PER_GAS);
        }
        if (initialAvgProofDelayMs > MAX_AVG_PROOF_DELAY_MS) {
            revert ProverPoolConfigInvalid(FIELD_INITIAL_DELAY, initialAvgProofDelayMs, 0, MAX_AVG_PROOF_DELAY_MS);
        }
        token = IERC20(token_);
        State memory s;
        s.feePerGas = initialFeePerGas;
        s.avgProofDelayMs = initialAvgProofDelayMs;
        s.nextBlockId = 1;
        s.configVersion = 1;
        _storeState(s);
        _install(config_, 1);
    }

    /// @dev Reverts with the first field (in `Config` order) outside its bounds.
    function _checkConfig(Config memory c) internal pure {
        for (uint256 i; i < CONFIG_FIELDS; ++i) {
            uint256 value;
            assembly ("memory-safe") {
                value := mload(add(c, shl(5, i)))
            }
            (uint256 lo, uint256 hi) = PoolMath.configBounds(i, c);
            if (value < lo || value > hi) revert ProverPoolConfigInvalid(i, value, lo, hi);
        }
    }

    /// @dev Puts `c` (already validated) in force as `version`: the full copy, the packed hot words and the
    /// version's rates; emits `ConfigUpdated`.
    function _install(Config memory c, uint256 version) internal {
        _config = c;
        _cfgHot = c.rewardFloorBps | (c.rewardCapBps << 16) | (c.targetBacklog << 32) | (c.baseMinCapacity << 56)
            | (c.baseMinStake << 64) | (c.congestionBacklog << 160) | (c.maxOpenBlocks << 192)
            | (c.minGasPerBlock << 224);
        _cfgProof = c.feeSmoothing | (c.delaySmoothing << 32) | (c.batchingBacklog << 64) | (c.batchDivisor << 96)
            | (c.maxBatchSize << 128) | (c.minAvailableProvers << 136);
        _ratesOf[version] = c.openRewardBps | (c.perfBonusFastBps << 16) | (c.perfBonusBps << 32)
            | (c.stabilizationBonusBps << 48) | (c.slashBps << 64) | (c.minSlashRewardMultiple << 80)
            | (c.proofWindowMultiplier << 88) | (c.minProofWindow << 104) | (c.maxProofWindow << 136);
        emit ConfigUpdated(version, c);
    }

    // ---------------------------------------------------------------------------------------------
    // Staking
    // ---------------------------------------------------------------------------------------------

    /// @notice Joins the active list with `amount` TKO wei, reward per gas `rewardPerGas` and capacity
    /// `capacity`, or tops up when already active (then R and capacity must equal the current ones).
    /// Needs an allowance of `amount`. May evict the prover with the lowest standing weight when the list
    /// is full. Joining starts the R and C cooldowns.
    /// @param amount Wei to stake (> 0).
    /// @param rewardPerGas R, TKO wei per gas, within the range around F.
    /// @param capacity How many unproven blocks the prover can hold (minCapacity … 255).
    function stake(uint256 amount, uint256 rewardPerGas, uint256 capacity) external nonReentrant {
        _stake(msg.sender, amount, rewardPerGas, capacity);
    }

    /// @notice `stake` with an ERC-2612 permit in the same transaction. If the permit fails (for
    /// example it was front-run) the stake still goes through when the allowance suffices.
    /// @param amount Wei to stake (> 0); also the permit value.
    /// @param rewardPerGas R, TKO wei per gas.
    /// @param capacity Stated capacity.
    /// @param deadline Permit deadline.
    /// @param v Permit signature v.
    /// @param r Permit signature r.
    /// @param s Permit signature s.
    function stakeWithPermit(
        uint256 amount,
        uint256 rewardPerGas,
        uint256 capacity,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external nonReentrant {
        try IERC20Permit(address(token)).permit(msg.sender, address(this), amount, deadline, v, r, s) {} catch {}
        _stake(msg.sender, amount, rewardPerGas, capacity);
    }

    /// @notice Adds `amount` wei to the caller's active stake (R and capacity unchanged).
    /// @param amount Wei to add (> 0).
    function topUp(uint256 amount) external nonReentrant {
        Staker storage st = _stakers[msg.sender];
        if (st.slot == 0) revert ProverPoolNotActive(msg.sender);
        _stake(msg.sender, amount, st.rewardPerGas, st.maxCapacity);
    }

    function _stake(address prover, uint256 amount, uint256 rewardPerGas, uint256 capacity) private {
        if (amount == 0) revert ProverPoolZeroAmount();
        Staker storage st = _stakers[prover];
        if (st.slot != 0) {
            _topUp(prover, st, amount, rewardPerGas, capacity);
        } else {
            _join(prover, st, amount, rewardPerGas, capacity);
        }
        st.deposited = SafeCast.toUint128(uint256(st.deposited) + amount);
        _addTotals(amount, 0);
        token.safeTransferFrom(prover, address(this), amount);
    }

    function _topUp(address prover, Staker storage st, uint256 amount, uint256 rewardPerGas, uint256 capacity)
        private
    {
        if (rewardPerGas != st.rewardPerGas || capacity != st.maxCapacity) {
            revert ProverPoolParametersDiffer(st.rewardPerGas, st.maxCapacity);
        }
        uint256 oldStake = st.stake;
        uint256 newStake = oldStake + amount;
        if (newStake > MAX_STAKE) revert ProverPoolStakeTooHigh(newStake, MAX_STAKE);
        st.stake = uint96(newStake);
        uint256 index = uint256(st.slot) - 1;
        // The table holds whole TKO: rewrite it only when the count of whole TKO changed.
        if (newStake / STAKE_UNIT != oldStake / STAKE_UNIT) _writeSlot(index, prover, st);
        emit Staked(prover, amount, newStake, rewardPerGas, capacity, index + 1);
    }

    function _join(address prover, Staker storage st, uint256 amount, uint256 rewardPerGas, uint256 capacity)
        private
    {
        _checkJoin(amount, rewardPerGas, capacity);
        uint256[45] memory t = ProverTable.load(_table());
        uint256 index = _claimSlot(t, prover, amount, rewardPerGas, capacity);

        if (st.id == 0) {
            _stakerList.push(prover);
            st.id = uint32(_stakerList.length);
        }
        st.stake = uint96(amount);
        st.rewardPerGas = uint64(rewardPerGas);
        st.maxCapacity = uint8(capacity);
        st.slot = uint8(index + 1);
        st.status = StakerStatus.Active;
        // Joining counts as a change of R and C (Revision 2.4): R cannot be raised right after winning a slot.
        st.lastRewardChangeAt = uint40(block.timestamp);
        st.lastCapacityChangeAt = uint40(block.timestamp);

        t.set(index, prover, st.id, amount / STAKE_UNIT, rewardPerGas, capacity);
        _storeTable(t);
        // Blocks still unproven from an earlier stint count against the new capacity.
        uint256 outstanding = st.heldBack;
        _setCurrentCapacity(index, capacity > outstanding ? capacity - outstanding : 0);
        st.heldBack = uint16(outstanding > capacity ? outstanding - capacity : 0);
        _slots |= uint256(1) << (160 + index);
        emit Staked(prover, amount, amount, rewardPerGas, capacity, index + 1);
    }

    /// @dev Join checks, in order: R range, capacity range, minimum stake (whole TKO), maximum stake.
    function _checkJoin(uint256 amount, uint256 rewardPerGas, uint256 capacity) private view {
        State memory s = _loadState();
        // 1. R in range around F.
        (uint256 minR, uint256 maxR) = _rewardRange(s.feePerGas);
        if (rewardPerGas < minR || rewardPerGas > maxR) {
            revert ProverPoolRewardPerGasOutOfRange(rewardPerGas, minR, maxR);
        }
        // 2. Capacity in [minCapacity(backlog), 255].
        uint256 minCap = _minCapacity(s.backlog);
        if (capacity < minCap || capacity > MAX_CAPACITY) {
            revert ProverPoolCapacityOutOfRange(capacity, minCap, MAX_CAPACITY);
        }
        // 3. Whole-TKO stake ≥ minStake(backlog); stakeUnits fits uint32.
        uint256 minS = _minStake(s.backlog);
        if (PoolMath.quantiseStake(amount) < minS) revert ProverPoolStakeTooLow(amount, minS);
        if (amount > MAX_STAKE) revert ProverPoolStakeTooHigh(amount, MAX_STAKE);
    }

    /// @dev 4. The lowest free slot below `maxActiveProvers`; else the occupied slot with the lowest
    /// *standing* weight (Revision 2.3: at its maximum capacity, eligibility ignored; ties: the lowest slot
    /// index), evicted only if the newcomer's weight strictly beats it (ties keep the incumbent).
    function _claimSlot(uint256[45] memory t, address prover, uint256 amount, uint256 rewardPerGas, uint256 capacity)
        private
        returns (uint256 index)
    {
        uint256 occupied = _occupied();
        uint256 maxActive = _config.maxActiveProvers;
        for (index = 0; index < maxActive; ++index) {
            if (occupied & (1 << index) == 0) return index;
        }
        uint256 fee = _loadState().feePerGas;
        uint256 floorBps = _cfgHot & 0xffff;
        uint256 lowest;
        (index, lowest) = _lowestStanding(t, occupied, fee, floorBps);
        uint256 newWeight = PoolMath.weight(amount, rewardPerGas, capacity, fee, floorBps);
        if (newWeight <= lowest) revert ProverPoolWeightTooLow(newWeight, lowest);
        address evicted = t.owner(index);
        (uint256 queued, uint256 unlocksAt) = _leaveSlot(t, _stakers[evicted], StakerStatus.Evicted);
        emit Evicted(evicted, prover, queued, unlocksAt);
    }

    /// @dev The occupied slot with the lowest standing weight (`weight` at its maximum capacity, no
    /// eligibility) and that weight; ties keep the lowest index.
    function _lowestStanding(uint256[45] memory t, uint256 occupied, uint256 fee, uint256 floorBps)
        private
        pure
        returns (uint256 index, uint256 lowest)
    {
        lowest = type(uint256).max;
        for (uint256 i; i < MAX_SLOTS; ++i) {
            if (occupied & (1 << i) == 0) continue;
            uint256 w = PoolMath.weight(t.units(i) * STAKE_UNIT, t.rewardPerGas(i), t.maxCapacity(i), fee, floorBps);
            // Strict `<`: on a tie the lowest slot index stays the candidate.
            if (w < lowest) {
                lowest = w;
                index = i;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // R and C changes
    // ---------------------------------------------------------------------------------------------

    /// @notice Changes the caller's expected reward per gas. At most once per `rewardChangeCooldown`
    /// counted from the last change or from joining. The active list is not re-ranked.
    /// @param rewardPerGas New R, within the range around the current F.
    function changeRewardPerGas(uint256 rewardPerGas) external {
        Staker storage st = _activeStaker(msg.sender);
        _checkCooldown(st.lastRewardChangeAt);
        (uint256 minR, uint256 maxR) = _rewardRange(_loadState().feePerGas);
        if (rewardPerGas < minR || rewardPerGas > maxR) {
            revert ProverPoolRewardPerGasOutOfRange(rewardPerGas, minR, maxR);
        }
        uint256 old = st.rewardPerGas;
        st.rewardPerGas = uint64(rewardPerGas);
        st.lastRewardChangeAt = uint40(block.timestamp);
        _writeSlot(uint256(st.slot) - 1, msg.sender, st);
        emit RewardPerGasChanged(msg.sender, old, rewardPerGas);
    }

    /// @notice Changes the caller's stated (max) capacity. At most once per `rewardChangeCooldown`
    /// (own cooldown, separate from R's, also started by joining), except that capacity 0 is accepted at
    /// once, cooldown or not (Revision 2.7: a prover the exit limit holds back can stop taking blocks).
    /// Outstanding blocks stay counted: new current capacity = `max(0, capacity - outstanding)`, the rest held back.
    /// @param capacity New capacity: 0, or `[minCapacity(backlog), 255]`.
    function changeCapacity(uint256 capacity) external {
        Staker storage st = _activeStaker(msg.sender);
        if (capacity != 0) {
            _checkCooldown(st.lastCapacityChangeAt);
            uint256 minCap = _minCapacity(_loadState().backlog);
            if (capacity < minCap || capacity > MAX_CAPACITY) {
                revert ProverPoolCapacityOutOfRange(capacity, minCap, MAX_CAPACITY);
            }
        }
        uint256 index = uint256(st.slot) - 1;
        uint256 oldMax = st.maxCapacity;
        uint256 outstanding = oldMax - _currentCapacity(index) + st.heldBack;
        _setCurrentCapacity(index, capacity > outstanding ? capacity - outstanding : 0);
        st.heldBack = uint16(outstanding > capacity ? outstanding - capacity : 0);
        st.maxCapacity = uint8(capacity);
        st.lastCapacityChangeAt = uint40(block.timestamp);
        _writeSlot(index, msg.sender, st);
        emit CapacityChanged(msg.sender, oldMax, capacity);
    }

    // ---------------------------------------------------------------------------------------------
    // Exits
    // ---------------------------------------------------------------------------------------------

    /// @notice Leaves the active list at once and queues the stake for `exitDelay`. Blocks already
    /// assigned must still be proven (a late one slashes the queued amount). Counts against
    /// `maxExitsPerDay` (UTC days; evictions do not count).
    function requestExit() external {
        Staker storage st = _activeStaker(msg.sender);
        uint256 slots = _slots;
        uint256 day = block.timestamp / DAY;
        uint256 count = (slots >> 192) & U32 == day ? slots >> 224 : 0;
        uint256 maxExits = _config.maxExitsPerDay;
        if (count >= maxExits) revert ProverPoolExitLimitReached(count, maxExits, (day + 1) * DAY);
        _slots = (slots & ((uint256(1) << 192) - 1)) | (day << 192) | ((count + 1) << 224);
        uint256[45] memory t = ProverTable.load(_table());
        (uint256 queued, uint256 unlocksAt) = _leaveSlot(t, st, StakerStatus.Exiting);
        _storeTable(t);
        emit ExitRequested(msg.sender, queued, unlocksAt);
    }

    /// @notice Pays out the caller's queued exit amount once `exitDelay` has passed.
    function withdraw() external nonReentrant {
        Staker storage st = _stakers[msg.sender];
        uint256 amount = st.exitAmount;
        if (amount == 0) revert ProverPoolNothingToWithdraw();
        if (block.timestamp < st.exitUnlocksAt) revert ProverPoolExitLocked(st.exitUnlocksAt, block.timestamp);
        st.exitAmount = 0;
        st.exitUnlocksAt = 0;
        if (st.slot == 0) st.status = StakerStatus.None;
        _subTotals(0, amount);
        emit Withdrawn(msg.sender, amount);
        token.safeTransfer(msg.sender, amount);
    }

    /// @dev Empties `st`'s slot in `t` (the caller stores the table) and queues its whole active stake
    /// (merging with any queued amount and restarting the delay). The caller emits the event.
    function _leaveSlot(uint256[45] memory t, Staker storage st, StakerStatus status)
        internal
        returns (uint256 queued, uint256 unlocksAt)
    {
        uint256 index = uint256(st.slot) - 1;
        t.set(index, address(0), 0, 0, 0, 0);
        // The slot's outstanding blocks stay the prover's: they are held back until proven.
        st.heldBack += uint16(st.maxCapacity - _currentCapacity(index));
        _setCurrentCapacity(index, 0);
        _slots &= ~(uint256(1) << (160 + index));

        queued = st.stake;
        unlocksAt = block.timestamp + _config.exitDelay;
        st.stake = 0;
        st.slot = 0;
        st.status = status;
        st.exitAmount += uint128(queued);
        st.exitUnlocksAt = uint40(unlocksAt);
        _subTotals(queued, 0);
        _addTotals(0, queued);
    }

    // ---------------------------------------------------------------------------------------------
    // Slashing
    // ---------------------------------------------------------------------------------------------

    /// @dev Slashes `prover` for the late block `blockId`: its active stake if active, else its queued
    /// exit amount. `amount = slashAmount(balance, baseReward)` with the block's rates moves to the treasury.
    function _slash(address prover, uint256 blockId, uint256 baseReward, uint256 slashBps, uint256 multiple)
        internal
    {
        Staker storage st = _stakers[prover];
        uint256 amount;
        uint256 remaining;
        if (st.slot != 0) {
            uint256 balance = st.stake;
            amount = PoolMath.slashAmount(balance, baseReward, slashBps, multiple);
            remaining = balance - amount;
            st.stake = uint96(remaining);
            if (remaining / STAKE_UNIT != balance / STAKE_UNIT) _writeSlot(uint256(st.slot) - 1, prover, st);
            _subTotals(amount, 0);
        } else {
            uint256 balance = st.exitAmount;
            amount = PoolMath.slashAmount(balance, baseReward, slashBps, multiple);
            remaining = balance - amount;
            st.exitAmount = uint128(remaining);
            _subTotals(0, amount);
        }
        st.slashed += uint128(amount);
        _funds += amount; // treasury: low 128 bits (bounded by the token supply held here)
        emit Slashed(prover, blockId, amount, remaining);
    }

    // ---------------------------------------------------------------------------------------------
    // The table and the weights
    // ---------------------------------------------------------------------------------------------

    function _table() internal view returns (address) {
        return address(uint160(_slots));
    }

    function _occupied() internal view returns (uint256) {
        return (_slots >> 160) & U32;
    }

    function _storeTable(uint256[45] memory t) internal {
        address table = ProverTable.store(t);
        _slots = (_slots & ~uint256(type(uint160).max)) | uint256(uint160(table));
    }

    /// @dev Rewrites slot `index` of the table from the staker's stored fields.
    function _writeSlot(uint256 index, address prover, Staker storage st) internal {
        uint256[45] memory t = ProverTable.load(_table());
        t.set(index, prover, st.id, uint256(st.stake) / STAKE_UNIT, st.rewardPerGas, st.maxCapacity);
        _storeTable(t);
    }

    function _currentCapacity(uint256 index) internal view returns (uint256) {
        return (_currentCapacities >> (8 * index)) & 0xff;
    }

    function _setCurrentCapacity(uint256 index, uint256 capacity) internal {
        uint256 shift = 8 * index;
        _currentCapacities = (_currentCapacities & ~(uint256(0xff) << shift)) | (capacity << shift);
    }

    /// @dev One pass over the 32 slots of `t` at fee `fee` and backlog `pending`: the running sums of the
    /// weights (`prefix[i] = w[0] + … + w[i]`) and their total. Slot i is eligible when
    /// `currentCapacity > 0`, `stakeUnits >= ceil(minStake(backlog)/1e18)` and
    /// `maxCapacity >= minCapacity(backlog)`; its weight is `stakeUnits*(1e18*F*F) / (Rw*Rw)`,
    /// `Rw = max(R, F*rewardFloorBps/BPS)` (one floor division, the same integer as `PoolMath.weight`) when
    /// eligible and `R > 0`, else 0. Free slots have capacity 0 and 0 units, so they weigh 0.
    /// Overflow: F < 2^64 so `1e18*F*F < 2^188` and `stakeUnits*k < 2^220`; `Rw < 2^64`, `Rw*Rw < 2^128`.
    function _scanPrefix(uint256[13] memory t, uint256 fee, uint256 pending)
        internal
        view
        returns (uint256[MAX_SLOTS] memory prefix, uint256 total)
    {
        uint256 hot = _cfgHot;
        (uint256 mask, uint256 minUnits) = _eligibility(t[0], pending, hot);
        uint256 floor;
        uint256 k;
        unchecked {
            floor = (fee * (hot & 0xffff)) / BPS;
            k = STAKE_UNIT * fee * fee;
        }
        total = _scanCore(t, prefix, mask, minUnits, floor, k);
    }

    /// @dev The eligibility inputs at backlog `pending`: the byte mask of slots with current capacity left and
    /// `maxCapacity >= minCapacity(backlog)`, and the least whole-TKO count reaching `minStake(backlog)`.
    function _eligibility(uint256 maxCaps, uint256 pending, uint256 hot)
        private
        view
        returns (uint256 mask, uint256 minUnits)
    {
        uint256 target = (hot >> 32) & U24;
        mask = _capacityMask(_currentCapacities, maxCaps, PoolMath.minCapacity(pending, (hot >> 56) & 0xff, target));
        // Rounds up: the smallest whole-TKO count whose wei value reaches minStake.
        minUnits = (PoolMath.minStake(pending, (hot >> 64) & type(uint96).max, target) + STAKE_UNIT - 1) / STAKE_UNIT;
    }

    /// @dev The loop of `_scanPrefix`: branch-free per slot, the four slots of each R word written out (a
    /// units word serves two R words).
    function _scanCore(
        uint256[13] memory t,
        uint256[MAX_SLOTS] memory prefix,
        uint256 mask,
        uint256 minUnits,
        uint256 floor,
        uint256 k
    ) private pure returns (uint256 total) {
        assembly ("memory-safe") {
            let out := prefix
            for { let q := 0 } lt(q, 8) { q := add(q, 1) } {
                let rWord := mload(add(t, shl(5, add(5, q))))
                let units := shr(shl(7, and(q, 1)), mload(add(t, shl(5, add(1, shr(1, q))))))
                {
                    let u := and(units, 0xffffffff)
                    let r := and(rWord, 0xffffffffffffffff)
                    let rw := xor(r, mul(xor(r, floor), lt(r, floor)))
                    let on := and(and(mask, 1), and(iszero(lt(u, minUnits)), gt(r, 0)))
                    total := add(total, mul(div(mul(u, k), mul(rw, rw)), on))
                    mstore(out, total)
                }
                {
                    let u := and(shr(32, units), 0xffffffff)
                    let r := and(shr(64, rWord), 0xffffffffffffffff)
                    let rw := xor(r, mul(xor(r, floor), lt(r, floor)))
                    let on := and(and(shr(8, mask), 1), and(iszero(lt(u, minUnits)), gt(r, 0)))
                    total := add(total, mul(div(mul(u, k), mul(rw, rw)), on))
                    mstore(add(out, 0x20), total)
                }
                {
                    let u := and(shr(64, units), 0xffffffff)
                    let r := and(shr(128, rWord), 0xffffffffffffffff)
                    let rw := xor(r, mul(xor(r, floor), lt(r, floor)))
                    let on := and(and(shr(16, mask), 1), and(iszero(lt(u, minUnits)), gt(r, 0)))
                    total := add(total, mul(div(mul(u, k), mul(rw, rw)), on))
                    mstore(add(out, 0x40), total)
                }
                {
                    let u := and(shr(96, units), 0xffffffff)
                    let r := and(shr(192, rWord), 0xffffffffffffffff)
                    let rw := xor(r, mul(xor(r, floor), lt(r, floor)))
                    let on := and(and(shr(24, mask), 1), and(iszero(lt(u, minUnits)), gt(r, 0)))
                    total := add(total, mul(div(mul(u, k), mul(rw, rw)), on))
                    mstore(add(out, 0x60), total)
                }
                mask := shr(32, mask)
                out := add(out, 0x80)
            }
        }
    }

    /// @dev Byte i is 1 when byte i of `current` is ≥ 1 and byte i of `maxCaps` is ≥ `minCap`, else 0.
    /// Computed for all 32 slots at once (SWAR): each byte sits in a 16-bit lane, and bit 8 of
    /// `(byte | 0x100) - m` is set iff `byte >= m` (no borrow crosses a lane since both are < 256).
    function _capacityMask(uint256 current, uint256 maxCaps, uint256 minCap) private pure returns (uint256 mask) {
        if (minCap > MAX_CAPACITY) return 0;
        assembly ("memory-safe") {
            let lanes := 0x00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff
            let ones := 0x0100010001000100010001000100010001000100010001000100010001000100
            let bits := 0x0001000100010001000100010001000100010001000100010001000100010001
            // geq(x, m): byte i of the result is 1 iff byte i of x >= m.
            function geq(x, m, l, o, b) -> out {
                let rep := mul(m, b)
                let even := and(shr(8, sub(or(and(x, l), o), rep)), b)
                let odd := and(shr(8, sub(or(and(shr(8, x), l), o), rep)), b)
                out := or(even, shl(8, odd))
            }
            mask := and(geq(current, 1, lanes, ones, bits), geq(maxCaps, minCap, lanes, ones, bits))
        }
    }

    /// @dev Available provers at backlog `pending` (the emergency rule): active slots that are eligible
    /// (as in `_scanPrefix`) with current capacity left.
    function _availableProvers(uint256 pending) internal view returns (uint256 available) {
        uint256[13] memory t = ProverTable.loadHot(_table());
        uint256 mask = _capacityMask(_currentCapacities, t[0], _minCapacity(pending));
        uint256 minS = _minStake(pending);
        for (uint256 i; i < MAX_SLOTS; ++i) {
            if ((mask >> (8 * i)) & 1 == 0) continue;
            uint256 units = (t[1 + (i >> 3)] >> (32 * (i & 7))) & U32;
            if (units * STAKE_UNIT >= minS) ++available;
        }
    }

    /// @dev The exact weights at fee `fee` and backlog `pending`, by slot index, and their total.
    function _scanSlots(uint256 fee, uint256 pending) internal view returns (uint256[MAX_SLOTS] memory w, uint256 total) {
        (w, total) = _scanPrefix(ProverTable.loadHot(_table()), fee, pending);
        // Prefix sums → weights, from the top down.
        unchecked {
            for (uint256 i = MAX_SLOTS - 1; i > 0; --i) {
                w[i] -= w[i - 1];
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Internal helpers
    // ---------------------------------------------------------------------------------------------

    /// @dev Reads pool word A.
    function _loadState() internal view returns (State memory s) {
        uint256 w = _state;
        s.feePerGas = uint64(w);
        s.avgProofDelayMs = uint48(w >> 64);
        s.nextBlockId = uint40(w >> 112);
        s.backlog = uint32(w >> 152);
        s.openBlocks = uint32(w >> 184);
        s.emergencyReason = EmergencyReason(uint8(w >> 216));
        s.configVersion = uint24(w >> 224);
        s.owing = (w >> 248) != 0;
    }

    /// @dev Writes pool word A. Every field was bounded where it changed (F ≤ 2^64-1 because R' ≤ max(R, F);
    /// the average moves towards delays < 2^42 ms; counters by one).
    function _storeState(State memory s) internal {
        _state = s.feePerGas | (s.avgProofDelayMs << 64) | (s.nextBlockId << 112) | (s.backlog << 152)
            | (s.openBlocks << 184) | (uint256(s.emergencyReason) << 216) | (s.configVersion << 224)
            | ((s.owing ? uint256(1) : 0) << 248);
    }

    function _treasury() internal view returns (uint256) {
        return uint128(_funds);
    }

    function _addTotals(uint256 staked, uint256 queued) internal {
        _totals += staked | (queued << 128);
    }

    function _subTotals(uint256 staked, uint256 queued) internal {
        _totals -= staked | (queued << 128);
    }

    function _activeStaker(address prover) internal view returns (Staker storage st) {
        st = _stakers[prover];
        if (st.slot == 0) revert ProverPoolNotActive(prover);
    }

    function _checkCooldown(uint256 last) internal view {
        if (last == 0) return;
        uint256 availableAt = last + _config.rewardChangeCooldown;
        if (block.timestamp < availableAt) revert ProverPoolCooldownActive(availableAt, block.timestamp);
    }

    /// @dev `[F*rewardRangeMinBps/BPS, min(F*rewardRangeMaxBps/BPS, 2^64-1)]`.
    function _rewardRange(uint256 fee) internal view returns (uint256 minR, uint256 maxR) {
        minR = (fee * _config.rewardRangeMinBps) / BPS;
        maxR = (fee * _config.rewardRangeMaxBps) / BPS;
        if (maxR > MAX_REWARD_PER_GAS) maxR = MAX_REWARD_PER_GAS;
    }

    function _minStake(uint256 pending) internal view returns (uint256) {
        uint256 hot = _cfgHot;
        return PoolMath.minStake(pending, (hot >> 64) & type(uint96).max, (hot >> 32) & U24);
    }

    function _minCapacity(uint256 pending) internal view returns (uint256) {
        uint256 hot = _cfgHot;
        return PoolMath.minCapacity(pending, (hot >> 56) & 0xff, (hot >> 32) & U24);
    }

    // ---------------------------------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------------------------------

    /// @notice The config in force, field by field as `Config`.
    function config() external view returns (Config memory) {
        return _config;
    }

    /// @notice The scheduled config and when it may apply (`activatesAt == 0`: nothing scheduled).
    function pendingConfig() external view returns (Config memory scheduled, uint256 activatesAt) {
        return (_pendingConfig, _pendingConfigAt);
    }

    /// @notice The version of the config in force (1 at deployment, +1 at each `applyConfig`).
    function configVersion() external view returns (uint256) {
        return _loadState().configVersion;
    }

    /// @notice Current fee per gas F (TKO wei per gas).
    function feePerGas() external view returns (uint256) {
        return _loadState().feePerGas;
    }

    /// @notice Current average proof delay (milliseconds).
    function avgProofDelayMs() external view returns (uint256) {
        return _loadState().avgProofDelayMs;
    }

    /// @notice Proposed blocks not yet proven.
    function backlog() external view returns (uint256) {
        return _loadState().backlog;
    }

    /// @notice Unproven open blocks.
    function openBlocks() external view returns (uint256) {
        return _loadState().openBlocks;
    }

    /// @notice The id the next proposed block gets (ids start at 1).
    function nextBlockId() external view returns (uint256) {
        return _loadState().nextBlockId;
    }

    /// @notice TKO wei in the treasury (pays rewards; receives fees and slashes).
    function treasury() external view returns (uint256) {
        return _treasury();
    }

    /// @notice Σ rewards the treasury could not pay yet (paid first once it is refilled).
    function totalOwed() external view returns (uint256) {
        return _totalOwed;
    }

    /// @notice Voluntary exits counted today (0 once the UTC day rolled).
    function exitsToday() external view returns (uint256) {
        uint256 slots = _slots;
        return (slots >> 192) & U32 == block.timestamp / DAY ? slots >> 224 : 0;
    }

    /// @notice Minimum stake (wei, whole TKO counted) a new prover needs now.
    function currentMinStake() external view returns (uint256) {
        return _minStake(_loadState().backlog);
    }

    /// @notice Minimum capacity a new prover (or a capacity change) needs now.
    function currentMinCapacity() external view returns (uint256) {
        return _minCapacity(_loadState().backlog);
    }

    /// @notice Σ stake + Σ queued exits + Σ claimable rewards + treasury. Equals the core's TKO balance
    /// (owed rewards are not backed by tokens until the treasury is refilled).
    function accountedBalance() external view returns (uint256) {
        uint256 totals = _totals;
        uint256 funds = _funds;
        return uint128(totals) + (totals >> 128) + uint128(funds) + (funds >> 128);
    }

    /// @notice Σ active stake (exact wei).
    function totalStaked() external view returns (uint256) {
        return uint128(_totals);
    }

    /// @notice Σ queued exit amounts (exact wei).
    function totalQueued() external view returns (uint256) {
        return _totals >> 128;
    }

    /// @notice Active provers that are eligible at the current backlog and have capacity left
    /// (the emergency rule's "available provers").
    function availableProvers() external view returns (uint256) {
        return _availableProvers(_loadState().backlog);
    }

    /// @notice The exact weights the next proposal would use (current F and backlog), by slot index.
    function weights() external view returns (uint256[MAX_SLOTS] memory w) {
        State memory s = _loadState();
        (w,) = _scanSlots(s.feePerGas, s.backlog);
    }

    /// @notice Owner of each active slot by 0-based index (address(0) when free).
    function slotOwners() external view returns (address[MAX_SLOTS] memory owners) {
        uint256[45] memory t = ProverTable.load(_table());
        for (uint256 i; i < MAX_SLOTS; ++i) {
            owners[i] = t.owner(i);
        }
    }

    /// @notice The data contract holding the slot table (address(0) before the first stake).
    function proverTable() external view returns (address) {
        return _table();
    }

    /// @notice Number of addresses that ever staked.
    function stakerCount() external view returns (uint256) {
        return _stakerList.length;
    }

    /// @notice The `index`-th address that ever staked (first-stake order; its id is `index + 1`).
    function stakerAt(uint256 index) external view returns (address) {
        return _stakerList[index];
    }

    /// @notice Everything about one staker (zeroes with status None for an unknown address).
    function getStaker(address prover) public view returns (StakerInfo memory info) {
        Staker storage st = _stakers[prover];
        uint256 account = _rewardAccounts[prover];
        info.prover = prover;
        info.status = st.status;
        info.slot = st.slot;
        info.stake = st.stake;
        info.rewardPerGas = st.rewardPerGas;
        info.currentCapacity = st.slot == 0 ? 0 : _currentCapacity(uint256(st.slot) - 1);
        info.maxCapacity = st.maxCapacity;
        info.outstandingBlocks = (st.slot == 0 ? 0 : st.maxCapacity - info.currentCapacity) + st.heldBack;
        info.deposited = st.deposited;
        info.slashed = st.slashed;
        info.exitAmount = st.exitAmount;
        info.exitUnlocksAt = st.exitUnlocksAt;
        info.rewards = uint128(account);
        info.owedRewards = account >> 128;
        info.lastRewardChangeAt = st.lastRewardChangeAt;
        info.lastCapacityChangeAt = st.lastCapacityChangeAt;
    }
}
